// Admin: open classes with their students' state. Resource use comes from the admin overview API
// when the server has it; otherwise that part says it is not available.
import { Link } from 'react-router';
import { paths } from '../api/paths';
import type { ClassStatus, ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { stepLabel } from '../ops/progress';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, StateBadge } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function Overview() {
  useTitle('Overview');
  const { api } = useSession();
  const open = useLoad(async () => {
    const classes = (await api.get<ClassView[]>(paths.classes)).filter((c) => c.state !== 'CLOSED');
    return Promise.all(classes.map(async (c) => ({ klass: c, status: await api.get<ClassStatus>(paths.status(c.classId)).catch(() => null) })));
  }, []);
  const usage = useLoad(() => api.get<unknown>(paths.adminOverview), []);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Open classes</h1>
      <ErrorMessage error={open.error} />
      {open.loading && !open.data && <Loading what="open classes" />}
      {open.data && open.data.length === 0 && <p className="muted">No class is open right now.</p>}
      <ul className="cards" id="open-classes">
        {(open.data ?? []).map(({ klass, status }) => {
          const counts = new Map<string, number>();
          for (const s of status?.students ?? []) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
          return (
            <li key={klass.classId} className="card">
              <h2>
                <Link to={`/classes/${encodeURIComponent(klass.classId)}`}>{klass.name}</Link> <span className="muted">({klass.classId})</span>
              </h2>
              <p>
                <StateBadge state={status?.state ?? klass.state} /> · teacher {klass.teacher} · {klass.students.length} students
              </p>
              <p>{[...counts].map(([state, n]) => `${n} ${stepLabel(state).toLowerCase()}`).join(', ') || 'No student state known.'}</p>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="usage-title">
        <h2 id="usage-title">Resource use</h2>
        <ErrorMessage error={usage.error} what="Resource use per class" />
        {usage.data != null && <pre className="file">{JSON.stringify(usage.data, null, 2)}</pre>}
      </section>
    </section>
  );
}
