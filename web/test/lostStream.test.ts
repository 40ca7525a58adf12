import { describe, expect, it } from 'vitest';
import { snapshotAfterLostStream } from '../src/ops/lostStream';
import { EMPTY_PROGRESS, reduceProgress } from '../src/ops/progress';
import { resetOutcome } from '../src/ops/resetOutcome';

const failedReset = { id: 'op1', kind: 'RESET', classId: 'fx4a', state: 'FAILED', seq: 5, students: [{ studentId: 's1', state: 'FAILED', reason: 'collection-failed: disk' }] };

describe('snapshotAfterLostStream', () => {
  it('reads the operation once and ends the view with it', async () => {
    const asked: string[] = [];
    const action = await snapshotAfterLostStream('op1', async (input) => {
      asked.push(input);
      return new Response(JSON.stringify(failedReset), { status: 200 });
    });
    expect(asked).toEqual(['/api/operations/op1']);
    expect(action.type).toBe('done');
    const view = reduceProgress(EMPTY_PROGRESS, action as { type: 'done'; data: string });
    expect(resetOutcome('s1', view)).toEqual({ text: 'Reset of s1 failed: collection-failed: disk', failed: true, finished: true });
  });

  it('says lost when the snapshot cannot be read, which ends the reset for the buttons', async () => {
    expect(await snapshotAfterLostStream('op1', async () => new Response('', { status: 503 }))).toEqual({ type: 'lost' });
    expect(await snapshotAfterLostStream('op1', () => Promise.reject(new Error('offline')))).toEqual({ type: 'lost' });
    const outcome = resetOutcome('s1', { ...EMPTY_PROGRESS, finished: true, lost: true });
    expect(outcome.finished).toBe(true);
    expect(outcome.failed).toBe(true);
  });
});
