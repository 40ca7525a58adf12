// Classes open for enrolment: join (capacity and one section per subject are checked by the
// server, atomically) and leave.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function Enrol() {
  useTitle('Join a class');
  const { api, me } = useSession();
  const open = useLoad(() => api.get<ClassView[]>(paths.openForEnrolment), []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A student sees only themselves in a class's roster: listed means joined.
  const joined = (c: ClassView) => c.students?.includes(me?.username ?? '');

  async function change(c: ClassView, join: boolean) {
    setError(null);
    setNotice(null);
    try {
      if (join) await api.post(paths.enrolment(c.classId));
      else await api.delete(paths.enrolment(c.classId));
      setNotice(join ? `You joined ${c.name}.` : `You left ${c.name}.`);
      await open.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="enrol-title">
      <h1 id="enrol-title">Join a class</h1>
      <ErrorMessage error={error} />
      <Notice>{notice}</Notice>
      <ErrorMessage error={open.error} />
      {open.loading && !open.data && <Loading what="classes open for enrolment" />}
      {open.data && open.data.length === 0 && <p className="muted">No class is open for enrolment right now.</p>}
      <ul className="cards" id="enrol-classes">
        {(open.data ?? []).map((c) => (
          <li key={c.classId} className="card" data-class={c.classId}>
            <h2>
              {c.name} <span className="muted">({c.classId})</span>
            </h2>
            <p>
              {c.subject} · teacher {c.teacher} · {c.seatsLeft != null ? `${c.seatsLeft} seat${c.seatsLeft === 1 ? '' : 's'} left` : 'no seat limit'}
            </p>
            {joined(c) ? (
              <button type="button" onClick={() => void change(c, false)} aria-label={`Leave ${c.name}`}>
                Leave
              </button>
            ) : (
              <button type="button" className="primary" disabled={c.seatsLeft === 0} onClick={() => void change(c, true)} aria-label={`Join ${c.name}`}>
                Join
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
