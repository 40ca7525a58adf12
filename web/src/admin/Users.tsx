// Admin: every user, with create, disable/enable, roles and password reset; the CSV import has
// its own panel.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { Role, User } from '../api/types';
import { useSession } from '../auth/session';
import { Select } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { NewUser } from './NewUser';
import { UserImport } from './UserImport';
import { UserRow } from './UserRow';

export function Users() {
  useTitle('Users');
  const { api } = useSession();
  const [role, setRole] = useState<Role | ''>('');
  const users = useLoad(() => api.get<User[]>(paths.users(role || undefined)), [role]);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    void users.reload();
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <Notice>{notice}</Notice>
      <UserImport onImported={(n) => changed(`${n} users imported.`)} />
      <NewUser onCreated={(u) => changed(`User ${u} created.`)} />
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">All users</h2>
        <Select label="Role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">Any role</option>
          <option value="admin">Admins</option>
          <option value="teacher">Teachers</option>
          <option value="student">Students</option>
        </Select>
        <ErrorMessage error={users.error} />
        {users.loading && !users.data && <Loading what="users" />}
        {users.data && (
          <div className="scroll" tabIndex={0} role="region" aria-label="Users table">
            <table className="grid" id="users">
              <caption className="sr-only">Users</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <UserRow key={u.username} user={u} onChanged={changed} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
