// Sign in. Afterwards: the forced password change, the `next` page, or the user's home.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/problem';
import { afterSignIn, CHANGE_PASSWORD } from '../auth/guards';
import { useSession } from '../auth/session';
import { TextField } from '../ui/Form';
import { ErrorMessage, Notice } from '../ui/Messages';
import { useTitle } from '../ui/Layout';

export function SignIn() {
  useTitle('Sign in');
  const { signIn, api, startError, signedOut } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      const next = params.get('next');
      if (api.tokens.mustChangePassword) {
        navigate(next ? `${CHANGE_PASSWORD}?next=${encodeURIComponent(next)}` : CHANGE_PASSWORD, { replace: true });
        return;
      }
      const target = afterSignIn(next, me);
      if (target.fullLoad) window.location.assign(target.path);
      else navigate(target.path, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? new ApiError(401, { detail: 'Wrong username or password.' }) : e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to CaaS</h1>
      {signedOut && <Notice>You are signed out.</Notice>}
      <ErrorMessage error={error ?? startError} />
      <form className="card" onSubmit={submit}>
        <TextField label="Username" name="username" autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </section>
  );
}
