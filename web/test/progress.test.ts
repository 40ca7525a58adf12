import { describe, expect, it } from 'vitest';
import type { Operation } from '../src/api/types';
import { EMPTY_PROGRESS, reduceProgress, stepLabel, type ProgressEvent } from '../src/ops/progress';

const op = (seq: number, state: string, students: [string, string, string?][], progress?: { done: number; total: number }): Operation => ({
  id: 'op1',
  kind: 'UP',
  classId: 'ui1',
  state,
  seq,
  progress,
  students: students.map(([studentId, s, reason]) => ({ studentId, state: s, reason })),
});

const event = (type: 'progress' | 'done', o: Operation | string): ProgressEvent => ({ type, data: typeof o === 'string' ? o : JSON.stringify(o) });

describe('reduceProgress', () => {
  it('shows a row per student, sorted, and the overall progress the server counts', () => {
    const view = reduceProgress(EMPTY_PROGRESS, event('progress', op(3, 'RUNNING', [['s2', 'STARTING'], ['s1', 'READY'], ['s3', 'CREATING']], { done: 1, total: 3 })));
    expect(view.rows.map((r) => r.studentId)).toEqual(['s1', 's2', 's3']);
    expect([view.done, view.total, view.percent, view.finished]).toEqual([1, 3, 33, false]);
  });

  it('counts finished students itself when the server sends no progress', () => {
    const view = reduceProgress(EMPTY_PROGRESS, event('progress', op(1, 'RUNNING', [['a', 'REMOVED'], ['b', 'SKIPPED'], ['c', 'COLLECTING'], ['d', 'FAILED', 'upload failed']])));
    expect([view.done, view.total, view.percent]).toEqual([3, 4, 75]);
    expect(view.failed.map((f) => [f.studentId, f.reason])).toEqual([['d', 'upload failed']]);
  });

  it('ignores an older snapshot that arrives late', () => {
    const newer = reduceProgress(EMPTY_PROGRESS, event('progress', op(5, 'RUNNING', [['a', 'READY']], { done: 1, total: 1 })));
    const after = reduceProgress(newer, event('progress', op(4, 'RUNNING', [['a', 'STARTING']], { done: 0, total: 1 })));
    expect(after).toBe(newer);
  });

  it('is finished on a terminal state or on the done event', () => {
    const failed = reduceProgress(EMPTY_PROGRESS, event('progress', op(2, 'FAILED', [['a', 'FAILED', 'image missing']], { done: 1, total: 1 })));
    expect(failed.finished).toBe(true);
    const done = reduceProgress(EMPTY_PROGRESS, event('done', op(2, 'RUNNING', [['a', 'READY']])));
    expect(done.finished).toBe(true);
  });

  it('leaves the view alone for data it cannot read', () => {
    expect(reduceProgress(EMPTY_PROGRESS, event('progress', 'not json'))).toBe(EMPTY_PROGRESS);
    expect(reduceProgress(EMPTY_PROGRESS, event('progress', '{"id":"x"}'))).toBe(EMPTY_PROGRESS);
  });

  it('names steps in words', () => {
    expect(stepLabel('COLLECTING')).toBe('Collecting files');
    expect(stepLabel('SOMETHING')).toBe('Something');
  });
});
