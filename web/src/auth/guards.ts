// Who may see which screen, as a pure function the router asks before rendering a page.
import type { Me, Role } from '../api/types';

export interface GuardInput {
  me: Me | null;
  mustChangePassword: boolean;
  /** The path asked for, with its query (e.g. `/classes/cs101?tab=files`). */
  path: string;
  /** Roles that may see it; empty = anyone signed in. */
  roles?: Role[];
  /** Screens for signed-out people only (sign in). */
  publicOnly?: boolean;
}

export type GuardResult = { allow: true } | { allow: false; redirect: string } | { allow: false; forbidden: true };

export const SIGN_IN = '/signin';
export const CHANGE_PASSWORD = '/password';

export function guard({ me, mustChangePassword, path, roles = [], publicOnly = false }: GuardInput): GuardResult {
  // Signed in already: the start page decides (it honours `next`, e.g. the IDE hand-over).
  if (publicOnly) return me ? { allow: false, redirect: `/${queryOf(path)}` } : { allow: true };
  if (!me) return { allow: false, redirect: `${SIGN_IN}?next=${encodeURIComponent(path)}` };
  if (mustChangePassword && !path.startsWith(CHANGE_PASSWORD)) return { allow: false, redirect: CHANGE_PASSWORD };
  if (roles.length && !roles.some((r) => me.roles.includes(r))) return { allow: false, forbidden: true };
  return { allow: true };
}

/** Where a user starts: admins on the overview, everyone else on their classes. */
export function home(me: Me): string {
  return me.roles.includes('admin') ? '/admin' : '/classes';
}

/**
 * Where to go after signing in: a `next` inside this app (or the gateway's `/ide/open` hand-over,
 * which is a full page load), never another site.
 */
export function afterSignIn(next: string | null, me: Me): { path: string; fullLoad: boolean } {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
    if (next.startsWith('/ide/open?')) return { path: next, fullLoad: true };
    if (!next.startsWith(SIGN_IN) && !next.startsWith('/api/')) return { path: next, fullLoad: false };
  }
  return { path: home(me), fullLoad: false };
}

export function hasRole(me: Me | null, ...roles: Role[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}

function queryOf(path: string): string {
  const at = path.indexOf('?');
  return at < 0 ? '' : path.slice(at);
}
