// Routes and their guards. Deep links work: the gateway answers every client route with index.html.
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './api/types';
import { afterSignIn, guard, hasRole } from './auth/guards';
import { SessionProvider, useSession } from './auth/session';
import { Overview } from './admin/Overview';
import { Sessions } from './admin/Sessions';
import { Subjects } from './admin/Subjects';
import { Templates } from './admin/Templates';
import { Users } from './admin/Users';
import { ChangePassword } from './screens/ChangePassword';
import { SignIn } from './screens/SignIn';
import { Enrol } from './student/Enrol';
import { MySubmissions } from './student/MySubmissions';
import { StudentClasses } from './student/StudentClasses';
import { SubmissionsPage } from './submissions/SubmissionsPage';
import { TeacherClasses } from './teacher/ClassList';
import { TeacherClassPage } from './teacher/ClassPage';
import { NewClass } from './teacher/NewClass';
import { Layout } from './ui/Layout';
import { Loading } from './ui/Messages';

function Guarded({ roles, publicOnly, children }: { roles?: Role[]; publicOnly?: boolean; children: ReactNode }) {
  const { me, loading, mustChangePassword } = useSession();
  const location = useLocation();
  if (loading) return <Loading what="CaaS" />;
  const result = guard({ me, mustChangePassword, path: location.pathname + location.search, roles, publicOnly });
  if (result.allow) return <>{children}</>;
  if ('redirect' in result) return <Navigate to={result.redirect} replace />;
  return (
    <div className="message error" role="alert">
      <p>This page is not for your role.</p>
    </div>
  );
}

/** `/classes`: teachers and admins manage; students see their own. */
function Classes() {
  const { me } = useSession();
  return hasRole(me, 'teacher', 'admin') ? <TeacherClasses /> : <StudentClasses />;
}

function ClassPage() {
  const { me } = useSession();
  return hasRole(me, 'teacher', 'admin') ? <TeacherClassPage /> : <Navigate to="/classes" replace />;
}

function Home() {
  const { me, loading, mustChangePassword } = useSession();
  const location = useLocation();
  if (loading) return <Loading what="CaaS" />;
  // The gateway's IDE hand-over sends signed-out browsers to `/?next=/ide/open…`.
  const next = new URLSearchParams(location.search).get('next');
  if (!me) return <Navigate to={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'} replace />;
  if (mustChangePassword) return <Navigate to={next ? `/password?next=${encodeURIComponent(next)}` : '/password'} replace />;
  const target = afterSignIn(next, me);
  if (target.fullLoad) {
    window.location.assign(target.path);
    return <Loading what="your IDE" />;
  }
  return <Navigate to={target.path} replace />;
}

const TEACHING: Role[] = ['teacher', 'admin'];

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/signin" element={<Guarded publicOnly><SignIn /></Guarded>} />
            <Route path="/password" element={<Guarded><ChangePassword /></Guarded>} />
            <Route path="/classes" element={<Guarded><Classes /></Guarded>} />
            <Route path="/classes/new" element={<Guarded roles={TEACHING}><NewClass /></Guarded>} />
            <Route path="/classes/:classId" element={<Guarded><ClassPage /></Guarded>} />
            <Route path="/classes/:classId/submissions" element={<Guarded><SubmissionsPage /></Guarded>} />
            <Route path="/enrol" element={<Guarded roles={['student']}><Enrol /></Guarded>} />
            <Route path="/submissions" element={<Guarded roles={['student']}><MySubmissions /></Guarded>} />
            <Route path="/admin" element={<Guarded roles={['admin']}><Overview /></Guarded>} />
            <Route path="/admin/users" element={<Guarded roles={['admin']}><Users /></Guarded>} />
            <Route path="/admin/subjects" element={<Guarded roles={['admin']}><Subjects /></Guarded>} />
            <Route path="/admin/templates" element={<Guarded roles={['admin']}><Templates /></Guarded>} />
            <Route path="/admin/sessions" element={<Guarded roles={['admin']}><Sessions /></Guarded>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </section>
  );
}
