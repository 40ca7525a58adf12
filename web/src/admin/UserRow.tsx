// One user in the admin's table: disable/enable, roles, password reset.
import { useState } from 'react';
import { ApiError } from '../api/problem';
import { paths } from '../api/paths';
import type { Role, User } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../ui/Messages';

const ROLES: Role[] = ['admin', 'teacher', 'student'];

export function UserRow({ user, onChanged }: { user: User; onChanged: (message: string) => void }) {
  const { api } = useSession();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<unknown>(null);
  const rolesChanged = roles.slice().sort().join() !== user.roles.slice().sort().join();

  async function patch(body: Record<string, unknown>, message: string, check?: (u: User) => boolean) {
    setError(null);
    try {
      const updated = await api.patch<User>(paths.user(user.username), body);
      // A server without the field ignores it and answers 200: that is "not available", not success.
      if (check && updated && !check(updated)) throw new Error('Password reset is not available on this server yet.');
      onChanged(message);
    } catch (e) {
      setError(e);
    }
  }

  async function resetPassword() {
    const password = window.prompt(`New initial password for ${user.username} (8 to 72 characters); they must change it at their next sign-in:`);
    if (!password) return;
    if (password.length < 8) {
      setError(new ApiError(400, { detail: 'The password needs at least 8 characters.' }));
      return;
    }
    await patch({ resetPassword: password }, `Password of ${user.username} reset; they must change it at their next sign-in.`, (u) => !!u.mustChangePassword);
  }

  return (
    <tr data-user={user.username} className={user.disabled ? 'row-muted' : undefined}>
      <td>
        <strong>{user.username}</strong>
        {user.displayName ? <div className="muted">{user.displayName}</div> : null}
      </td>
      <td>
        <fieldset className="inline">
          <legend className="sr-only">Roles of {user.username}</legend>
          {ROLES.map((r) => (
            <label key={r} className="inline">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {r}
            </label>
          ))}
          {rolesChanged && (
            <button type="button" onClick={() => void patch({ roles }, `Roles of ${user.username} saved.`)}>
              Save roles
            </button>
          )}
        </fieldset>
      </td>
      <td>
        {user.disabled ? 'Disabled' : 'Active'}
        {user.mustChangePassword ? <div className="muted">must change password</div> : null}
      </td>
      <td className="actions">
        <button type="button" onClick={() => void patch({ disabled: !user.disabled }, `${user.username} ${user.disabled ? 'enabled' : 'disabled'}.`)} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}>
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" onClick={() => void resetPassword()} aria-label={`Reset the password of ${user.username}`}>
          Reset password
        </button>
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}
