// The token pair of this tab (sessionStorage: per tab, gone when the tab closes). The HttpOnly
// session cookie that login also sets is what EventSource and the IDE hand-over use.

export interface TokenPair {
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  mustChangePassword?: boolean | null;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ACCESS = 'caas.accessToken';
const REFRESH = 'caas.refreshToken';
const MUST_CHANGE = 'caas.mustChangePassword';

export class TokenStore {
  constructor(private readonly store: KeyValueStore) {}

  get access(): string | null {
    return this.store.getItem(ACCESS);
  }

  get refresh(): string | null {
    return this.store.getItem(REFRESH);
  }

  /** Login said the password is an initial one: the UI sends the user to change it first. */
  get mustChangePassword(): boolean {
    return this.store.getItem(MUST_CHANGE) === 'true';
  }

  keep(pair: TokenPair): void {
    this.store.setItem(ACCESS, pair.accessToken);
    if (pair.refreshToken) this.store.setItem(REFRESH, pair.refreshToken);
    // Refresh answers carry no flag (null): keep what login said.
    if (pair.mustChangePassword != null) this.store.setItem(MUST_CHANGE, String(pair.mustChangePassword));
  }

  /** The gateway said so (403 `password-change-required`), e.g. after an admin reset the password. */
  markMustChangePassword(): void {
    this.store.setItem(MUST_CHANGE, 'true');
  }

  clear(): void {
    for (const key of [ACCESS, REFRESH, MUST_CHANGE]) this.store.removeItem(key);
  }
}

/** A store for tests and for browsers that refuse sessionStorage. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, string>();

  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }

  removeItem(key: string): void {
    this.values.delete(key);
  }
}
