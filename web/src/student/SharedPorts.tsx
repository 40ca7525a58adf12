// A student's shared ports in one class: each opens as its own preview host, to the same people as the IDE.
import { useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { SharedPort } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { parsePort } from './ports';

export function SharedPorts({ classId, studentId }: { classId: string; studentId: string }) {
  const { api } = useSession();
  const ports = useLoad(() => api.get<SharedPort[]>(paths.ports(classId, studentId)), [classId, studentId]);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await ports.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const share = (event: FormEvent) => {
    event.preventDefault();
    const input = parsePort(text);
    if (input.error !== undefined) {
      setError(new Error(input.error));
      return;
    }
    void run(async () => {
      await api.post<SharedPort>(paths.ports(classId, studentId), { port: input.port });
      setText('');
    });
  };

  return (
    <details className="ports" data-testid="shared-ports">
      <summary>Shared ports (previews)</summary>
      <ErrorMessage error={ports.error ?? error} what="Port sharing" />
      {ports.data && ports.data.length === 0 && <p className="muted">No port shared. A server you start in your IDE on a shared port opens at its own address.</p>}
      <ul>
        {(ports.data ?? []).map((p) => (
          <li key={p.port} data-port={p.port}>
            <a href={p.url} target="_blank" rel="noopener">
              Port {p.port}
            </a>{' '}
            <button type="button" disabled={busy} onClick={() => void run(() => api.delete(paths.port(classId, studentId, p.port)))}>
              Stop sharing {p.port}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={share}>
        <label>
          Port <input name="port" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} size={6} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          Share
        </button>
      </form>
      <p className="muted">Listen on 0.0.0.0 (not only localhost). Your teacher and admins can open it too.</p>
    </details>
  );
}
