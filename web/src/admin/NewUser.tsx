// Admin: create one user with an initial password (changed at first sign-in).
import { useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { Role } from '../api/types';
import { useSession } from '../auth/session';
import { Select, TextField } from '../ui/Form';
import { ErrorMessage } from '../ui/Messages';

export function NewUser({ onCreated }: { onCreated: (username: string) => void }) {
  const { api } = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('student');
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.post(paths.users(), { username: username.trim(), displayName: displayName.trim() || undefined, password, roles: [role], mustChangePassword: true });
      onCreated(username.trim());
      setUsername('');
      setDisplayName('');
      setPassword('');
    } catch (e) {
      setError(e);
    }
  }

  return (
    <details className="card">
      <summary>
        <h2 className="inline-heading">Add one user</h2>
      </summary>
      <form onSubmit={submit}>
        <div className="row">
          <TextField label="New username" required pattern="[a-z0-9]{1,32}" value={username} onChange={(e) => setUsername(e.target.value.toLowerCase())} />
          <TextField label="Display name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <TextField label="Initial password" type="password" autoComplete="new-password" required minLength={8} maxLength={72} value={password} onChange={(e) => setPassword(e.target.value)} />
          <Select label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="student">Student</option>
            <option value="teacher">Teacher</option>
            <option value="admin">Admin</option>
          </Select>
        </div>
        <button type="submit" className="primary">
          Create user
        </button>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
