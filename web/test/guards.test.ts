import { describe, expect, it } from 'vitest';
import type { Me } from '../src/api/types';
import { afterSignIn, guard, home } from '../src/auth/guards';

const teacher: Me = { username: 't1', roles: ['teacher'] };
const student: Me = { username: 's1', roles: ['student'] };
const admin: Me = { username: 'a', roles: ['admin'] };

describe('guard', () => {
  it('sends signed-out people to sign in, keeping the page they asked for', () => {
    expect(guard({ me: null, mustChangePassword: false, path: '/classes/cs101?x=1' })).toEqual({ allow: false, redirect: '/signin?next=%2Fclasses%2Fcs101%3Fx%3D1' });
  });

  it('holds everyone at the password change until it is done', () => {
    expect(guard({ me: student, mustChangePassword: true, path: '/classes' })).toEqual({ allow: false, redirect: '/password' });
    expect(guard({ me: student, mustChangePassword: true, path: '/password' })).toEqual({ allow: true });
  });

  it('refuses screens of other roles', () => {
    expect(guard({ me: student, mustChangePassword: false, path: '/admin/users', roles: ['admin'] })).toEqual({ allow: false, forbidden: true });
    expect(guard({ me: admin, mustChangePassword: false, path: '/admin/users', roles: ['admin'] })).toEqual({ allow: true });
    expect(guard({ me: teacher, mustChangePassword: false, path: '/classes/new', roles: ['teacher', 'admin'] })).toEqual({ allow: true });
  });

  it('sends signed-in people away from sign-in through the start page, keeping next', () => {
    expect(guard({ me: teacher, mustChangePassword: false, path: '/signin?next=%2Fide%2Fopen%3Fhost%3Dx', publicOnly: true })).toEqual({ allow: false, redirect: '/?next=%2Fide%2Fopen%3Fhost%3Dx' });
    expect(guard({ me: null, mustChangePassword: false, path: '/signin', publicOnly: true })).toEqual({ allow: true });
  });
});

describe('afterSignIn', () => {
  it('follows next inside the app, and the IDE hand-over as a full page load', () => {
    expect(afterSignIn('/classes/cs101', teacher)).toEqual({ path: '/classes/cs101', fullLoad: false });
    expect(afterSignIn('/ide/open?host=a-b-ide.caas.localhost&path=/', student)).toEqual({ path: '/ide/open?host=a-b-ide.caas.localhost&path=/', fullLoad: true });
  });

  it('never leaves the site or loops back to sign-in', () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/signin?next=/x', '/api/users/me', null]) {
      expect(afterSignIn(next, teacher)).toEqual({ path: '/classes', fullLoad: false });
    }
    expect(home(admin)).toBe('/admin');
  });
});
