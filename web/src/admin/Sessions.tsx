// Admin: active sign-in sessions, filtered by user, and ending one.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { AuthSession } from '../api/types';
import { useSession } from '../auth/session';
import { TextField } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function Sessions() {
  useTitle('Sessions');
  const { api } = useSession();
  const [username, setUsername] = useState('');
  const [filter, setFilter] = useState('');
  const sessions = useLoad(() => api.get<AuthSession[]>(paths.sessions(filter || undefined)), [filter]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function end(s: AuthSession) {
    setError(null);
    try {
      await api.delete(paths.session(s.sessionId));
      setNotice(`Session of ${s.username} ended.`);
      await sessions.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(username.trim());
        }}
      >
        <TextField label="Only this user" value={username} onChange={(e) => setUsername(e.target.value)} />
        <button type="submit">Filter</button>
      </form>
      <ErrorMessage error={error} />
      <Notice>{notice}</Notice>
      <ErrorMessage error={sessions.error} what="The list of sessions" />
      {sessions.loading && !sessions.data && <Loading what="sessions" />}
      {sessions.data && sessions.data.length === 0 && <p className="muted">No active sessions.</p>}
      {sessions.data && sessions.data.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-label="Sessions table">
          <table className="grid" id="sessions">
            <caption className="sr-only">Active sessions</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last refresh</th>
                <th scope="col">From</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.sessionId}>
                  <td>{s.username}</td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastRefreshAt)}</td>
                  <td>
                    {s.clientAddress ?? '—'}
                    {s.userAgent ? <div className="muted">{s.userAgent.slice(0, 60)}</div> : null}
                  </td>
                  <td>
                    <button type="button" onClick={() => void end(s)} aria-label={`End the session of ${s.username}`}>
                      End session
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function when(instant: string | undefined): string {
  return instant ? new Date(instant).toLocaleString() : '—';
}
