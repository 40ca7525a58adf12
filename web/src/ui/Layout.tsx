// The frame of every signed-in screen: skip link, who is signed in, the navigation for their roles.
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { hasRole } from '../auth/guards';
import { useSession } from '../auth/session';

export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // After navigating, move focus to the new page's content so keyboard users start there.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="bar">
        <span className="brand">CaaS</span>
        {me && (
          <nav aria-label="Main">
            <ul>
              {hasRole(me, 'admin') && <Item to="/admin">Overview</Item>}
              {hasRole(me, 'teacher', 'admin', 'student') && <Item to="/classes">My classes</Item>}
              {hasRole(me, 'student') && <Item to="/enrol">Join a class</Item>}
              {hasRole(me, 'student') && <Item to="/submissions">My submissions</Item>}
              {hasRole(me, 'admin') && <Item to="/admin/users">Users</Item>}
              {hasRole(me, 'admin') && <Item to="/admin/subjects">Subjects</Item>}
              {hasRole(me, 'admin') && <Item to="/admin/templates">Templates</Item>}
              {hasRole(me, 'admin') && <Item to="/admin/sessions">Sessions</Item>}
            </ul>
          </nav>
        )}
        {me && (
          <div className="whoami">
            <span>
              Signed in as <strong id="me-name">{me.displayName || me.username}</strong>{' '}
              <span id="me-roles" className="muted">
                ({[me.username, ...me.roles].join(' · ')})
              </span>
            </span>
            <button
              type="button"
              onClick={async () => {
                await signOut();
                navigate('/signin', { replace: true });
              }}
            >
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function Item({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} end={to === '/admin'}>
        {children}
      </NavLink>
    </li>
  );
}

/** Sets the document title, so each screen is named for assistive tech and browser history. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — CaaS`;
  }, [title]);
}
