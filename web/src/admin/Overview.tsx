// Admin: every class that is not closed, each student's IDE state and, from the overview API, the
// CPU and memory each runtime uses.
import { Link } from 'react-router';
import { paths } from '../api/paths';
import { isMissingEndpoint } from '../api/problem';
import type { ClassStatus, ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { stepLabel } from '../ops/progress';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, NotAvailable, StateBadge } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { composedOverview, megabytes, percent, type AdminOverview } from './overviewModel';

export function Overview() {
  useTitle('Overview');
  const { api } = useSession();
  const overview = useLoad(async (): Promise<AdminOverview> => {
    try {
      const answer = await api.get<Omit<AdminOverview, 'withUsage'>>(paths.adminOverview);
      return { ...answer, withUsage: true };
    } catch (e) {
      if (!isMissingEndpoint(e)) throw e;
      const classes = (await api.get<ClassView[]>(paths.classes)).filter((c) => c.state !== 'CLOSED');
      return composedOverview(await Promise.all(classes.map(async (klass) => ({ klass, status: await api.get<ClassStatus>(paths.status(klass.classId)).catch(() => null) }))));
    }
  }, []);
  const data = overview.data;
  return (
    <section aria-labelledby="overview-title">
      <div className="heading">
        <h1 id="overview-title">Open classes</h1>
        <button type="button" onClick={() => void overview.reload()}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={overview.error} />
      {overview.loading && !data && <Loading what="open classes" />}
      {data && !data.withUsage && <NotAvailable what="Resource use (CPU and memory per IDE)" />}
      {data && data.classes.length === 0 && <p className="muted">No class is open right now.</p>}
      <ul className="plain" id="open-classes">
        {(data?.classes ?? []).map((c) => (
          <li key={c.classId} className="card" data-class={c.classId}>
            <h2>
              <Link to={`/classes/${encodeURIComponent(c.classId)}`}>{c.name}</Link> <span className="muted">({c.classId})</span>
            </h2>
            <p>
              <StateBadge state={c.state} /> · teacher {c.teacher} · {c.ready ?? '?'} of {c.students} IDEs ready
              {data?.withUsage && ` · CPU ${percent(c.cpuPercent)} · memory ${megabytes(c.memoryBytes)}`}
            </p>
            <div className="scroll" tabIndex={0} role="region" aria-label={`Students of ${c.classId}`}>
              <table className="grid">
                <caption className="sr-only">Students of {c.classId}</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">IDE</th>
                    {data?.withUsage && <th scope="col">CPU</th>}
                    {data?.withUsage && <th scope="col">Memory</th>}
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {c.perStudent.map((s) => (
                    <tr key={s.studentId} className={s.state === 'FAILED' ? 'row-bad' : undefined}>
                      <td>{s.studentId}</td>
                      <td>{stepLabel(s.state)}</td>
                      {data?.withUsage && <td>{percent(s.cpuPercent)}</td>}
                      {data?.withUsage && <td>{`${megabytes(s.memoryBytes)}${s.memoryLimitBytes ? ` of ${megabytes(s.memoryLimitBytes)}` : ''}`}</td>}
                      <td>{s.reason ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
