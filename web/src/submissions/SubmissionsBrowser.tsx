// What was collected from a class: sessions → students → file tree → text preview, and zips.
import { useEffect, useMemo, useState } from 'react';
import { paths } from '../api/paths';
import type { Submissions } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { FileTree } from './FileTree';
import { FilePreview } from './FilePreview';
import { fileTree, humanSize, type TreeNode } from './tree';

export function SubmissionsBrowser({ classId, wholeClassZip }: { classId: string; wholeClassZip: boolean }) {
  const { api } = useSession();
  const subs = useLoad(() => api.get<Submissions>(paths.submissions(classId)), [classId]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [studentId, setStudentId] = useState<string | null>(null);
  const [file, setFile] = useState<TreeNode | null>(null);
  const sessions = subs.data?.sessions ?? [];
  const session = sessions.find((s) => s.sessionId === sessionId) ?? sessions[0];
  const student = session?.students.find((s) => s.studentId === studentId) ?? (session?.students.length === 1 ? session.students[0] : undefined);
  const tree = useMemo(() => fileTree(student?.latest?.files ?? []), [student]);
  useEffect(() => setFile(null), [sessionId, studentId]);

  if (subs.error) return <ErrorMessage error={subs.error} what="Submissions" />;
  if (!subs.data) return <Loading what="submissions" />;
  if (!session) return <p className="muted">Nothing has been collected yet: files are collected when the class is closed.</p>;
  return (
    <div className="browser">
      <div className="field">
        <label htmlFor="session-select">Session</label>
        <select id="session-select" value={session.sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {s.sessionId} ({s.students.length} students)
            </option>
          ))}
        </select>
        {wholeClassZip && (
          <a className="button" href={paths.classZip(classId, session.sessionId)} download>
            Download the whole class (zip)
          </a>
        )}
      </div>
      <div className="columns">
        <nav aria-label="Students" className="column">
          <h2>Students</h2>
          <ul className="plain" id="submission-students">
            {session.students.map((s) => (
              <li key={s.studentId}>
                <button type="button" className={`link${student?.studentId === s.studentId ? ' selected' : ''}`} aria-current={student?.studentId === s.studentId ? 'true' : undefined} onClick={() => setStudentId(s.studentId)}>
                  {s.studentId}
                </button>{' '}
                <span className="muted">{s.latest ? `${s.latest.fileCount} file${s.latest.fileCount === 1 ? '' : 's'}, ${humanSize(s.latest.totalBytes)}` : 'nothing collected'}</span>
              </li>
            ))}
          </ul>
        </nav>
        <section className="column" aria-labelledby="files-title">
          <h2 id="files-title">{student ? `Files of ${student.studentId}` : 'Files'}</h2>
          {!student && <p className="muted">Choose a student.</p>}
          {student && !student.latest && <p className="muted">No complete collection for this student.</p>}
          {student?.latest && (
            <>
              <p className="muted">
                Collected {new Date(student.latest.collectedAt).toLocaleString()} · {student.attempts.length} attempt{student.attempts.length === 1 ? '' : 's'}{' '}
                <a className="button" href={paths.studentZip(classId, session.sessionId, student.studentId)} download>
                  Download {student.studentId}'s files (zip)
                </a>
              </p>
              {tree.length === 0 ? <p className="muted">The workspace was empty.</p> : <FileTree nodes={tree} selected={file?.path ?? null} onSelect={setFile} />}
            </>
          )}
        </section>
        {file?.file && student?.latest && (
          <FilePreview classId={classId} sessionId={session.sessionId} studentId={student.studentId} attemptId={student.latest.attemptId} file={file.file} />
        )}
      </div>
    </div>
  );
}
