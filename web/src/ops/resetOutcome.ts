// What the teacher reads while one student's reset (a RESET operation with a single student step)
// runs and once it ends: its current step in words, then READY or FAILED with the server's reason.
import type { ProgressView } from './progress';
import { stepLabel } from './progress';

export interface ResetOutcome {
  text: string;
  failed: boolean;
  finished: boolean;
}

export function resetOutcome(studentId: string, view: ProgressView): ResetOutcome {
  const operation = view.operation;
  if (!operation || view.lost) {
    if (view.finished) return { text: `Lost track of ${studentId}'s reset; reload the page to see how it ended.`, failed: true, finished: true };
    return { text: `Resetting ${studentId}'s IDE…`, failed: false, finished: false };
  }
  const step = operation.students.find((s) => s.studentId === studentId);
  if (view.finished) {
    if (operation.state === 'SUCCEEDED' && step?.state === 'READY') {
      const files = step.files ?? 0;
      return { text: `${studentId}'s IDE was reset: ${files} file${files === 1 ? '' : 's'} saved first, the new IDE is ready.`, failed: false, finished: true };
    }
    const reason = step?.reason ?? operation.message ?? 'no reason given';
    return { text: `Reset of ${studentId} failed: ${reason}`, failed: true, finished: true };
  }
  return { text: `Resetting ${studentId}'s IDE: ${stepLabel(step?.state ?? 'PENDING')}…`, failed: false, finished: false };
}
