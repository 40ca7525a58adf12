// Change the password; forced after the first sign-in with an initial password. The change ends
// every session of the user, so the UI signs in again with the new password.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/problem';
import { afterSignIn } from '../auth/guards';
import { useSession } from '../auth/session';
import { TextField } from '../ui/Form';
import { ErrorMessage, Notice } from '../ui/Messages';
import { useTitle } from '../ui/Layout';

export function ChangePassword() {
  useTitle('Change password');
  const { api, me, signIn, mustChangePassword } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (next !== repeat) {
      setError(new ApiError(400, { detail: 'The two new passwords are not the same.' }));
      return;
    }
    if (next.length < 8) {
      setError(new ApiError(400, { detail: 'The new password needs at least 8 characters.' }));
      return;
    }
    setBusy(true);
    try {
      await api.put('/api/users/me/password', { currentPassword: current, newPassword: next });
      const username = me!.username;
      api.tokens.clear();
      const who = await signIn(username, next);
      const target = afterSignIn(params.get('next'), who);
      if (target.fullLoad) window.location.assign(target.path);
      else navigate(target.path, { replace: true, state: { passwordChanged: true } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow" aria-labelledby="password-title">
      <h1 id="password-title">Change your password</h1>
      {mustChangePassword && <Notice>You signed in with an initial password. Choose your own password to continue.</Notice>}
      <ErrorMessage error={error} />
      <form className="card" onSubmit={submit}>
        <TextField label="Current password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        <TextField label="New password" type="password" autoComplete="new-password" required minLength={8} maxLength={72} hint="8 to 72 characters." value={next} onChange={(e) => setNext(e.target.value)} />
        <TextField label="Repeat new password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
