import { describe, expect, it } from 'vitest';
import type { Operation } from '../src/api/types';
import { EMPTY_PROGRESS, viewOf } from '../src/ops/progress';
import { resetOutcome } from '../src/ops/resetOutcome';

const reset = (state: string, step: string, extra: { reason?: string; files?: number; message?: string } = {}): Operation => ({
  id: 'op1',
  kind: 'RESET',
  classId: 'ui1',
  state,
  seq: 3,
  message: extra.message,
  students: [{ studentId: 's1', state: step, reason: extra.reason, files: extra.files }],
});

describe('resetOutcome', () => {
  it('says the reset is under way before the first snapshot arrives', () => {
    expect(resetOutcome('s1', EMPTY_PROGRESS)).toEqual({ text: "Resetting s1's IDE…", failed: false, finished: false });
  });

  it("shows the student's current step while it runs", () => {
    expect(resetOutcome('s1', viewOf(reset('RUNNING', 'COLLECTING'))).text).toBe("Resetting s1's IDE: Collecting files…");
    expect(resetOutcome('s1', viewOf(reset('RUNNING', 'STARTING'))).text).toBe("Resetting s1's IDE: Starting…");
  });

  it('says how many files were saved once the new IDE is ready', () => {
    const outcome = resetOutcome('s1', viewOf(reset('SUCCEEDED', 'READY', { files: 2 })));
    expect(outcome).toEqual({ text: "s1's IDE was reset: 2 files saved first, the new IDE is ready.", failed: false, finished: true });
  });

  it("gives the server's reason when the reset failed", () => {
    const reason = 'collection-failed: the workspace of s1 could not be collected (storage down); nothing was removed and the runtime runs as before';
    const outcome = resetOutcome('s1', viewOf(reset('FAILED', 'FAILED', { reason, message: reason })));
    expect(outcome.failed).toBe(true);
    expect(outcome.finished).toBe(true);
    expect(outcome.text).toBe(`Reset of s1 failed: ${reason}`);
  });

  it('falls back to the operation message when the step has no reason', () => {
    expect(resetOutcome('s1', viewOf(reset('FAILED', 'STARTING', { message: 'interrupted' }))).text).toBe('Reset of s1 failed: interrupted');
  });
});
