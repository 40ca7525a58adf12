// Follows an operation's SSE stream. EventSource cannot send headers: it rides on the HttpOnly
// session cookie that login sets on the app host.
import { useEffect, useReducer } from 'react';
import { snapshotAfterLostStream, type LostAction } from './lostStream';
import { EMPTY_PROGRESS, reduceProgress, type ProgressView } from './progress';

type Action = LostAction | { type: 'reset' };

function reducer(view: ProgressView, action: Action): ProgressView {
  if (action.type === 'reset') return EMPTY_PROGRESS;
  if (action.type === 'lost') return { ...view, finished: true, lost: true };
  return reduceProgress(view, action);
}

export function useOperation(operationId: string | null, onFinished?: () => void): ProgressView {
  const [view, dispatch] = useReducer(reducer, EMPTY_PROGRESS);
  useEffect(() => {
    dispatch({ type: 'reset' });
    if (!operationId) return undefined;
    const source = new EventSource(`/api/operations/${encodeURIComponent(operationId)}/events`);
    let ended = false;
    const on = (type: 'progress' | 'done') => (event: MessageEvent<string>) => {
      dispatch({ type, data: event.data });
      if (type === 'done') {
        ended = true;
        source.close();
        onFinished?.();
      }
    };
    source.addEventListener('progress', on('progress'));
    source.addEventListener('done', on('done'));
    // The server ends the stream after `done`; any other end (network) lets EventSource retry. Once it
    // gives up (CLOSED), one snapshot ends the view.
    let active = true;
    source.onerror = () => {
      if (ended) {
        source.close();
        return;
      }
      if (source.readyState !== EventSource.CLOSED) return;
      ended = true;
      void snapshotAfterLostStream(operationId, (input, init) => fetch(input, init)).then((action) => {
        if (!active) return;
        dispatch(action);
        onFinished?.();
      });
    };
    return () => {
      active = false;
      source.close();
    };
    // onFinished is a callback of the moment; following restarts only for another operation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operationId]);
  return view;
}
