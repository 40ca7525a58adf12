// Calls to /api on the same origin. The access token goes as a bearer token; a 401 triggers one
// refresh that every call waiting at that moment shares (a queue, not one refresh per call), then
// each of them is retried once, so an expired token never loses the page the user is on.
import { ApiError, type Problem } from './problem';
import { TokenStore, type TokenPair } from './tokens';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CallOptions {
  body?: unknown;
  /** Sent as is with this content type (CSV uploads). */
  text?: string;
  contentType?: string;
  /** Login, refresh and logout must not trigger a refresh themselves. */
  noRefresh?: boolean;
  /** Answer the body as text, never parsed. */
  raw?: boolean;
}

export class ApiClient {
  private refreshing: Promise<boolean> | null = null;
  /** Called once the session could not be refreshed (the UI goes to sign-in, keeping the page). */
  onSessionLost: () => void = () => {};
  /** Called when the gateway refuses a call until the initial password is changed. */
  onPasswordChangeRequired: () => void = () => {};

  constructor(
    readonly tokens: TokenStore,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {}

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, { body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('PUT', path, { body });
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('PATCH', path, { body });
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path);
  }

  /** A file's content as text (previews of collected files). */
  text(path: string): Promise<string> {
    return this.call<string>('GET', path, { raw: true });
  }

  postCsv<T>(path: string, csv: string): Promise<T> {
    return this.call<T>('POST', path, { text: csv, contentType: 'text/csv' });
  }

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const sentWith = this.tokens.access;
    let response = await this.send(method, path, options);
    if (response.status === 401 && !options.noRefresh && this.tokens.refresh) {
      if (await this.refreshOnce(sentWith)) {
        response = await this.send(method, path, options);
      } else {
        this.onSessionLost();
      }
    }
    if (response.status === 403 && response.headers.get('Content-Type')?.includes('json')) {
      const problem = (await response.clone().json().catch(() => null)) as { code?: string } | null;
      if (problem?.code === 'password-change-required') {
        this.tokens.markMustChangePassword();
        this.onPasswordChangeRequired();
      }
    }
    return read<T>(response, options.raw);
  }

  async login(username: string, password: string): Promise<TokenPair> {
    const pair = await this.call<TokenPair>('POST', '/api/auth/login', { body: { username, password }, noRefresh: true });
    this.tokens.keep(pair);
    return pair;
  }

  async logout(): Promise<void> {
    const refreshToken = this.tokens.refresh;
    try {
      await this.call('POST', '/api/auth/logout', { body: refreshToken ? { refreshToken } : undefined, noRefresh: true });
    } finally {
      this.tokens.clear();
    }
  }

  /**
   * One refresh at a time: calls that failed with the same old token wait for the refresh already
   * running. A call whose token was replaced meanwhile just retries with the new one.
   */
  refreshOnce(failedToken: string | null): Promise<boolean> {
    if (failedToken !== this.tokens.access && this.tokens.access) return Promise.resolve(true);
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.tokens.refresh;
    if (!refreshToken) return false;
    try {
      const pair = await this.call<TokenPair>('POST', '/api/auth/refresh', { body: { refreshToken }, noRefresh: true });
      this.tokens.keep(pair);
      return true;
    } catch {
      this.tokens.clear();
      return false;
    }
  }

  private send(method: string, path: string, options: CallOptions): Promise<Response> {
    // X-Requested-With lets the gateway accept the session cookie for state-changing calls too.
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'caas-ui' };
    const token = this.tokens.access;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.text !== undefined) {
      body = options.text;
      headers['Content-Type'] = options.contentType ?? 'text/plain';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    return this.fetchFn(path, { method, headers, body, credentials: 'same-origin' }).catch(() => {
      throw new ApiError(0, null);
    });
  }
}

async function read<T>(response: Response, raw = false): Promise<T> {
  const text = await response.text();
  if (raw && response.ok) return text as T;
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = response.ok ? text : { detail: text.length < 300 && !text.includes('<') ? text : undefined };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data as Problem | null);
  return data as T;
}
