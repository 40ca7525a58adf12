// Live progress of an open/close: the SSE stream sends the whole operation on every change
// (`progress`, with a growing `seq`) and once more at the end (`done`). This folds those events into
// what the screen shows: one row per student, an overall percentage, and whether it is over.
import type { Operation, StudentProgress } from '../api/types';

export interface ProgressView {
  operation: Operation | null;
  rows: StudentProgress[];
  done: number;
  total: number;
  percent: number;
  finished: boolean;
  failed: StudentProgress[];
  /** The stream ended for good and no snapshot could be read: the outcome is unknown. */
  lost?: boolean;
}

export const EMPTY_PROGRESS: ProgressView = { operation: null, rows: [], done: 0, total: 0, percent: 0, finished: false, failed: [] };

const TERMINAL_OPERATION = new Set(['SUCCEEDED', 'FAILED']);
// Steps after which a student needs nothing more in this operation.
const FINAL_STEPS = new Set(['READY', 'REMOVED', 'SKIPPED', 'FAILED']);

export type ProgressEvent = { type: 'progress' | 'done'; data: string };

/** The next view after one event; stale (lower seq) or unreadable events leave it as it was. */
export function reduceProgress(view: ProgressView, event: ProgressEvent): ProgressView {
  let operation: Operation;
  try {
    operation = JSON.parse(event.data) as Operation;
  } catch {
    return view;
  }
  if (!operation || typeof operation !== 'object' || !Array.isArray(operation.students)) return view;
  const previous = view.operation;
  if (previous && previous.id === operation.id && (operation.seq ?? 0) < (previous.seq ?? 0)) return view;
  return viewOf(operation, event.type === 'done');
}

/** What a snapshot of an operation shows (also for `GET /api/operations/{id}`). */
export function viewOf(operation: Operation, ended = false): ProgressView {
  const rows = [...operation.students].sort((a, b) => a.studentId.localeCompare(b.studentId));
  const counted = rows.filter((s) => FINAL_STEPS.has(s.state)).length;
  const total = operation.progress?.total ?? rows.length;
  const done = Math.min(total, operation.progress?.done ?? counted);
  const finished = ended || TERMINAL_OPERATION.has(operation.state);
  return {
    operation,
    rows,
    done,
    total,
    percent: total > 0 ? Math.round((100 * done) / total) : finished ? 100 : 0,
    finished,
    failed: rows.filter((s) => s.state === 'FAILED'),
  };
}

/** A student's step in words, for people (UP and DOWN steps). */
export function stepLabel(step: string): string {
  return STEP_WORDS[step] ?? step.charAt(0) + step.slice(1).toLowerCase();
}

const STEP_WORDS: Record<string, string> = {
  PENDING: 'Waiting',
  CREATING: 'Creating',
  STARTING: 'Starting',
  READY: 'Ready',
  COLLECTING: 'Collecting files',
  UPLOADED: 'Uploaded',
  VERIFIED: 'Verified',
  REMOVED: 'Closed',
  SKIPPED: 'Nothing to collect',
  FAILED: 'Failed',
  ABSENT: 'Not running',
  STOPPED: 'Stopped',
};
