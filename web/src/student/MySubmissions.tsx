// A student's own collected files, class by class.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { SubmissionsBrowser } from '../submissions/SubmissionsBrowser';
import { Select } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function MySubmissions() {
  useTitle('My submissions');
  const { api } = useSession();
  const classes = useLoad(() => api.get<ClassView[]>(paths.classes), []);
  const [classId, setClassId] = useState<string | null>(null);
  const chosen = classId ?? classes.data?.[0]?.classId ?? null;
  return (
    <section aria-labelledby="mysubs-title">
      <h1 id="mysubs-title">My submissions</h1>
      <ErrorMessage error={classes.error} />
      {!classes.data && !classes.error && <Loading what="your classes" />}
      {classes.data && classes.data.length === 0 && <p className="muted">You are not in any class.</p>}
      {classes.data && classes.data.length > 0 && (
        <Select label="Class" value={chosen ?? ''} onChange={(e) => setClassId(e.target.value)}>
          {classes.data.map((c) => (
            <option key={c.classId} value={c.classId}>
              {c.name} ({c.classId})
            </option>
          ))}
        </Select>
      )}
      {chosen && <SubmissionsBrowser key={chosen} classId={chosen} wholeClassZip={false} />}
    </section>
  );
}
