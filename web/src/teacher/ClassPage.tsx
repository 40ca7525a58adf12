// One class for its teacher: state, open/close with live progress, the students with their
// actions, class details (name, subject, template; while closed), section settings and roster.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../api/paths';
import type { ClassStatus, ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { useOperation } from '../ops/useOperation';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice, StateBadge } from '../ui/Messages';
import { useLoad, usePoll } from '../ui/useLoad';
import { ClassEditor } from './ClassEditor';
import { OperationPanel } from './OperationPanel';
import { RosterEditor } from './RosterEditor';
import { SectionEditor } from './SectionEditor';
import { StudentsTable } from './StudentsTable';

export function TeacherClassPage() {
  const { classId = '' } = useParams();
  useTitle(`Class ${classId}`);
  const { api } = useSession();
  const [params] = useSearchParams();
  const klass = useLoad(() => api.get<ClassView>(paths.klass(classId)), [classId]);
  const status = useLoad(() => api.get<ClassStatus>(paths.status(classId)), [classId]);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const followed = operationId ?? (status.data && /ING$/.test(status.data.state) ? (status.data.operationId ?? null) : null);
  const progress = useOperation(followed, () => {
    void status.reload();
    void klass.reload();
  });
  const state = status.data?.state ?? klass.data?.state;
  // While students start (READY comes from Traefik answering), the status is polled.
  const settling = !!status.data && (state === 'OPENING' || state === 'CLOSING' || status.data.students.some((s) => s.state === 'STARTING'));
  usePoll(settling, 3000, () => void status.reload());

  async function transition(direction: 'up' | 'down') {
    setBusy(true);
    setError(null);
    try {
      const { operationId: id } = await api.post<{ operationId: string }>(direction === 'up' ? paths.up(classId) : paths.down(classId));
      setOperationId(id);
      void status.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (klass.error) return <ErrorMessage error={klass.error} />;
  if (!klass.data) return <Loading what="the class" />;
  const c = klass.data;
  const transitioning = state === 'OPENING' || state === 'CLOSING' || (!!followed && !progress.finished);
  return (
    <section aria-labelledby="class-title">
      <div className="heading">
        <h1 id="class-title">
          {c.name} <span className="muted">({c.classId})</span>
        </h1>
        <span id="status-state" data-state={state}>
          <StateBadge state={state ?? c.state} />
        </span>
      </div>
      {params.get('created') && <Notice>Class created. Now set its roster below.</Notice>}
      <dl className="facts">
        <dt>Subject</dt>
        <dd>{c.subject}</dd>
        <dt>Template</dt>
        <dd>{c.templateId}</dd>
        <dt>Students</dt>
        <dd>
          {c.enrolled ?? c.students.length}
          {c.capacity ? ` of ${c.capacity} seats` : ''}
          {c.selfEnrol ? ' · open for enrolment' : ''}
        </dd>
        {c.schedule && (
          <>
            <dt>Schedule</dt>
            <dd>
              {c.schedule.start.replace('T', ' ')} – {c.schedule.end.replace('T', ' ')} ({c.schedule.timeZone})
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || transitioning} onClick={() => void transition('up')}>
          {state === 'OPEN' ? 'Open again (heal)' : 'Open class'}
        </button>
        <button type="button" disabled={busy || transitioning || state === 'CLOSED'} onClick={() => void transition('down')}>
          Close class
        </button>
        <Link className="button" to={`/classes/${encodeURIComponent(classId)}/submissions`}>
          Submissions
        </Link>
      </div>
      <ErrorMessage error={error} />
      <OperationPanel view={progress} />
      <ErrorMessage error={status.error} />
      {status.data && <StudentsTable status={status.data} onChanged={() => void status.reload()} />}
      <ClassEditor klass={c} state={transitioning ? 'OPENING' : state} onSaved={(v) => klass.setData(v)} />
      <SectionEditor klass={c} onSaved={(v) => klass.setData(v)} />
      <RosterEditor
        klass={c}
        onSaved={() => {
          void klass.reload();
          void status.reload();
        }}
      />
    </section>
  );
}
