// The submissions of one class (teachers and admins: everyone's; a student: their own).
import { Link, useParams } from 'react-router';
import { hasRole } from '../auth/guards';
import { useSession } from '../auth/session';
import { useTitle } from '../ui/Layout';
import { SubmissionsBrowser } from './SubmissionsBrowser';

export function SubmissionsPage() {
  const { classId = '' } = useParams();
  useTitle(`Submissions of ${classId}`);
  const { me } = useSession();
  const manages = hasRole(me, 'teacher', 'admin');
  return (
    <section aria-labelledby="subs-title">
      <div className="heading">
        <h1 id="subs-title">Submissions of {classId}</h1>
        <Link to={manages ? `/classes/${encodeURIComponent(classId)}` : '/submissions'}>Back</Link>
      </div>
      <SubmissionsBrowser classId={classId} wholeClassZip={manages} />
    </section>
  );
}
