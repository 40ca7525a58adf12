// A student's classes with their state, and "Open my IDE" only when it can work.
import { Link } from 'react-router';
import { paths } from '../api/paths';
import type { ClassStatus, ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { ideAvailability } from '../ide';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, StateBadge } from '../ui/Messages';
import { useLoad, usePoll } from '../ui/useLoad';
import { SharedPorts } from './SharedPorts';

interface Row {
  klass: ClassView;
  status: ClassStatus | null;
}

export function StudentClasses() {
  useTitle('My classes');
  const { api, me } = useSession();
  const rows = useLoad(async () => {
    const classes = await api.get<ClassView[]>(paths.classes);
    return Promise.all(classes.map(async (klass): Promise<Row> => ({ klass, status: await api.get<ClassStatus>(paths.status(klass.classId)).catch(() => null) })));
  }, []);
  const mine = (r: Row) => r.status?.students.find((s) => s.studentId === me?.username);
  const settling = (rows.data ?? []).some((r) => r.klass.state === 'OPENING' || mine(r)?.state === 'STARTING');
  usePoll(settling, 3000, () => void rows.reload());
  return (
    <section aria-labelledby="student-title">
      <h1 id="student-title">My classes</h1>
      <ErrorMessage error={rows.error} />
      {rows.loading && !rows.data && <Loading what="your classes" />}
      {rows.data && rows.data.length === 0 && (
        <p className="muted">
          You are not in any class yet. <Link to="/enrol">Join a class</Link>.
        </p>
      )}
      <ul className="cards" id="student-classes">
        {(rows.data ?? []).map((r) => {
          const state = r.status?.state ?? r.klass.state;
          const me = mine(r);
          const availability = ideAvailability(state, me?.state);
          return (
            <li key={r.klass.classId} className="card" data-class={r.klass.classId}>
              <h2>
                {r.klass.name} <span className="muted">({r.klass.classId})</span>
              </h2>
              <p>
                <StateBadge state={state} /> · {r.klass.subject} · teacher {r.klass.teacher}
              </p>
              {availability.ready && me?.ideUrl ? (
                <a className="button primary" href={me.ideUrl} target="_blank" rel="noopener">
                  Open my IDE
                </a>
              ) : (
                <p className="muted" role="status">
                  {availability.ready ? 'Your IDE address is not known yet.' : availability.message}
                </p>
              )}
              {me?.reason && <p className="bad">{me.reason}</p>}
              {me && <SharedPorts classId={r.klass.classId} studentId={me.studentId} />}
              <p>
                <Link to={`/classes/${encodeURIComponent(r.klass.classId)}/submissions`}>My submissions in this class</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
