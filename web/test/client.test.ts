import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api/client';
import { ApiError } from '../src/api/problem';
import { MemoryStore, TokenStore } from '../src/api/tokens';

interface Call {
  path: string;
  auth?: string;
  body?: string;
}

/** A fake server: tokens `a1`, `a2`… are valid once issued; only the newest is accepted. */
function server(options: { refreshFails?: boolean } = {}) {
  const calls: Call[] = [];
  let current = 'a1';
  let refreshes = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetchFn = async (path: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ path, auth: headers.Authorization, body: init?.body as string | undefined });
    if (path === '/api/auth/refresh') {
      refreshes++;
      await gate;
      if (options.refreshFails) return json(401, { code: 'unauthorized', detail: 'Refresh token is invalid, used or expired' });
      current = `a${refreshes + 1}`;
      return json(200, { accessToken: current, refreshToken: `r${refreshes + 1}`, expiresIn: 300, mustChangePassword: null });
    }
    if (headers.Authorization !== `Bearer ${current}`) return json(401, { code: 'unauthorized' });
    return json(200, { path });
  };
  return { calls, fetchFn, release, refreshes: () => refreshes, expire: () => (current = 'expired') };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function client(fetchFn: (path: string, init?: RequestInit) => Promise<Response>) {
  const tokens = new TokenStore(new MemoryStore());
  tokens.keep({ accessToken: 'old', refreshToken: 'r1', mustChangePassword: true });
  return new ApiClient(tokens, fetchFn);
}

describe('token refresh queue', () => {
  it('refreshes once for many calls that fail together, then retries each with the new token', async () => {
    const s = server();
    const api = client(s.fetchFn);
    const pending = Promise.all(['/api/a', '/api/b', '/api/c'].map((p) => api.get<{ path: string }>(p)));
    await new Promise((r) => setTimeout(r, 10));
    s.release();
    const results = await pending;
    expect(results.map((r) => r.path)).toEqual(['/api/a', '/api/b', '/api/c']);
    expect(s.refreshes()).toBe(1);
    expect(s.calls.filter((c) => c.path !== '/api/auth/refresh').map((c) => c.auth)).toEqual([
      'Bearer old', 'Bearer old', 'Bearer old', 'Bearer a2', 'Bearer a2', 'Bearer a2',
    ]);
    expect(api.tokens.refresh).toBe('r2');
    // Refresh answers carry no flag: what login said stays.
    expect(api.tokens.mustChangePassword).toBe(true);
  });

  it('gives up once the refresh is refused: tokens cleared, the session-lost hook called once, the 401 reported', async () => {
    const s = server({ refreshFails: true });
    s.release();
    const api = client(s.fetchFn);
    let lost = 0;
    api.onSessionLost = () => lost++;
    const outcomes = await Promise.allSettled([api.get('/api/a'), api.get('/api/b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
    expect(((outcomes[0] as PromiseRejectedResult).reason as ApiError).status).toBe(401);
    expect(s.refreshes()).toBe(1);
    expect(api.tokens.access).toBeNull();
    expect(lost).toBe(2);
  });

  it('does not refresh for a wrong password at login', async () => {
    const fetchFn = async () => json(401, { code: 'unauthorized', detail: 'Bad credentials' });
    const api = client(fetchFn);
    await expect(api.login('t', 'x')).rejects.toMatchObject({ status: 401 });
  });

  it('sends the UI header and JSON bodies; CSV as text/csv', async () => {
    const seen: RequestInit[] = [];
    const api = client(async (_p, init) => {
      seen.push(init!);
      return json(200, {});
    });
    await api.post('/api/x', { a: 1 });
    await api.postCsv('/api/y', 'username\nx\n');
    const h0 = seen[0].headers as Record<string, string>;
    const h1 = seen[1].headers as Record<string, string>;
    expect([h0['X-Requested-With'], h0['Content-Type'], seen[0].body]).toEqual(['caas-ui', 'application/json', '{"a":1}']);
    expect([h1['Content-Type'], seen[1].body]).toEqual(['text/csv', 'username\nx\n']);
  });

  it('reports an unreachable server as status 0 in words', async () => {
    const api = client(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/Cannot reach CaaS/) });
  });
});

describe('password change required', () => {
  it('marks the session so the guards send the user to the password change', async () => {
    const api = new ApiClient(new TokenStore(new MemoryStore()), async () =>
      new Response(JSON.stringify({ status: 403, code: 'password-change-required', detail: 'Change your password first' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    let told = 0;
    api.onPasswordChangeRequired = () => told++;
    await expect(api.get('/api/classes')).rejects.toMatchObject({ status: 403, message: 'Change your password first.' });
    expect([api.tokens.mustChangePassword, told]).toEqual([true, 1]);
  });
});
