// Live progress of opening or closing: a row per student with its step, and an overall bar.
import type { ProgressView } from '../ops/progress';
import { stepLabel } from '../ops/progress';

export function OperationPanel({ view }: { view: ProgressView }) {
  const op = view.operation;
  if (!op) return null;
  const verb = op.kind === 'UP' ? 'Opening' : op.kind === 'DOWN' ? 'Closing' : op.kind;
  const outcome = op.state === 'SUCCEEDED' ? 'done' : op.state === 'FAILED' ? 'finished with problems' : 'in progress';
  return (
    <section className="card" aria-labelledby="operation-title" id="operation">
      <h2 id="operation-title">
        {verb}: <span id="operation-state" data-state={op.state} data-kind={op.kind}>{outcome}</span>
      </h2>
      <div className="progress-line">
        <progress id="operation-progress" max={100} value={view.percent} aria-label={`${verb} progress`} />
        <span aria-live="polite">
          {view.done} of {view.total} students ({view.percent}%)
        </span>
      </div>
      {op.message && <p>{op.message}</p>}
      {view.failed.length > 0 && (
        <p className="bad" role="alert">
          {view.failed.length} student{view.failed.length === 1 ? '' : 's'} failed: see the reasons below.
        </p>
      )}
      <div className="scroll" tabIndex={0} role="region" aria-label="Progress per student">
        <table className="grid" id="operation-students">
          <caption className="sr-only">Progress per student</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Step</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((s) => (
              <tr key={s.studentId} data-student={s.studentId} data-step={s.state} className={s.state === 'FAILED' ? 'row-bad' : undefined}>
                <td>{s.studentId}</td>
                <td>{stepLabel(s.state)}</td>
                <td>{s.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
