// A teacher's classes (an admin's: every class) with their state.
import { Link } from 'react-router';
import { paths } from '../api/paths';
import type { ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, StateBadge } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function TeacherClasses() {
  useTitle('My classes');
  const { api } = useSession();
  const classes = useLoad(() => api.get<ClassView[]>(paths.classes), []);
  return (
    <section aria-labelledby="classes-title">
      <div className="heading">
        <h1 id="classes-title">My classes</h1>
        <Link className="button primary" to="/classes/new">
          New class
        </Link>
      </div>
      <ErrorMessage error={classes.error} />
      {classes.loading && !classes.data && <Loading what="classes" />}
      {classes.data && classes.data.length === 0 && <p className="muted">No classes yet. Create one with “New class”.</p>}
      {classes.data && classes.data.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-label="Classes table">
          <table className="grid" id="teacher-classes">
            <caption className="sr-only">Classes you teach</caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col">Students</th>
                <th scope="col">Teacher</th>
              </tr>
            </thead>
            <tbody>
              {classes.data.map((c) => (
                <tr key={c.classId} data-class={c.classId}>
                  <td>
                    <Link to={`/classes/${encodeURIComponent(c.classId)}`}>
                      <strong>{c.name || c.classId}</strong>
                    </Link>{' '}
                    <span className="muted">{c.classId}</span>
                  </td>
                  <td>{c.subject}</td>
                  <td>
                    <StateBadge state={c.state} />
                  </td>
                  <td>
                    {c.enrolled ?? c.students.length}
                    {c.capacity ? ` / ${c.capacity}` : ''}
                  </td>
                  <td>{c.teacher}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
