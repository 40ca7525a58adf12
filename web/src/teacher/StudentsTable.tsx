// The status of every student of a class, with what a teacher can do for each. A reset is an
// operation: its single student step is followed live until READY or FAILED.
import { useState } from 'react';
import { paths } from '../api/paths';
import { isMissingEndpoint } from '../api/problem';
import type { ClassStatus } from '../api/types';
import { useSession } from '../auth/session';
import { stepLabel } from '../ops/progress';
import { resetOutcome } from '../ops/resetOutcome';
import { useOperation } from '../ops/useOperation';
import { ErrorMessage, Notice } from '../ui/Messages';

export function StudentsTable({ status, onChanged }: { status: ClassStatus; onChanged: () => void }) {
  const { api } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = status.state === 'OPEN';
  const [resetting, setResetting] = useState<{ studentId: string; operationId: string } | null>(null);
  const resetView = useOperation(resetting?.operationId ?? null, onChanged);
  const outcome = resetting ? resetOutcome(resetting.studentId, resetView) : null;

  async function act(studentId: string, action: 'restart' | 'reset') {
    setError(null);
    setNotice(null);
    if (action === 'reset' && !window.confirm(`Reset ${studentId}'s IDE? Their workspace is saved first, then the IDE starts again from a fresh runtime (with the saved files if the class carries work over).`)) return;
    try {
      const accepted = await api.post<{ operationId?: string } | null>(paths.studentAction(status.classId, studentId, action));
      if (action === 'reset' && accepted?.operationId) {
        setResetting({ studentId, operationId: accepted.operationId });
      } else {
        setNotice(`${action === 'restart' ? 'Restarting' : 'Resetting'} ${studentId}'s IDE…`);
      }
      onChanged();
    } catch (e) {
      setError(isMissingEndpoint(e) ? new Error(`${action === 'reset' ? 'Reset' : 'Restart'} is not available on this server yet.`) : e);
    }
  }

  return (
    <section className="card" aria-labelledby="students-title" id="status">
      <h2 id="students-title">Students</h2>
      <ErrorMessage error={error} />
      <Notice>{notice}</Notice>
      {outcome && outcome.failed && <ErrorMessage error={new Error(outcome.text)} />}
      {outcome && !outcome.failed && (
        <p className="message notice" role="status" data-testid="reset-progress" data-finished={outcome.finished}>
          {outcome.text}
        </p>
      )}
      <div className="scroll" tabIndex={0} role="region" aria-label="Students table">
        <table className="grid" id="status-students">
          <caption className="sr-only">State of each student's IDE</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">IDE</th>
              <th scope="col">Reason</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {status.students.map((s) => (
              <tr key={s.studentId} data-student={s.studentId} data-state={s.state} className={s.state === 'FAILED' ? 'row-bad' : undefined}>
                <td>{s.studentId}</td>
                <td>{stepLabel(s.state)}</td>
                <td>{s.reason ?? ''}</td>
                <td className="actions">
                  {s.state === 'READY' && s.ideUrl ? (
                    <a href={s.ideUrl} target="_blank" rel="noopener" aria-label={`Open ${s.studentId}'s IDE (new tab)`}>
                      Open IDE
                    </a>
                  ) : null}
                  <button type="button" disabled={!open} onClick={() => void act(s.studentId, 'restart')} aria-label={`Restart ${s.studentId}'s IDE`}>
                    Restart
                  </button>
                  <button type="button" disabled={!open || (outcome !== null && !outcome.finished)} onClick={() => void act(s.studentId, 'reset')} aria-label={`Reset ${s.studentId}'s IDE`}>
                    Reset
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
