// When an operation's SSE stream ends for good (EventSource CLOSED before `done`), the screen asks
// `GET /api/operations/{id}` once and shows that snapshot as the end; if even that fails it says the
// operation was lost, so buttons waiting for the end are usable again.
import type { Operation } from '../api/types';
import type { ProgressEvent } from './progress';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type LostAction = ProgressEvent | { type: 'lost' };

export async function snapshotAfterLostStream(operationId: string, fetchFn: Fetch): Promise<LostAction> {
  try {
    const response = await fetchFn(`/api/operations/${encodeURIComponent(operationId)}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return { type: 'lost' };
    const operation = (await response.json()) as Operation;
    return { type: 'done', data: JSON.stringify(operation) };
  } catch {
    return { type: 'lost' };
  }
}
