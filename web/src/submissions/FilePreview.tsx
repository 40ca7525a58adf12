// A collected file as text, fetched through a short-lived signed link.
import { paths } from '../api/paths';
import type { SubmittedFile } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { humanSize, looksBinary, previewable } from './tree';

interface Props {
  classId: string;
  sessionId: string;
  studentId: string;
  attemptId: string;
  file: SubmittedFile;
}

export function FilePreview({ classId, sessionId, studentId, attemptId, file }: Props) {
  const { api } = useSession();
  const content = useLoad(async () => {
    const link = await api.get<{ url: string }>(paths.fileLink(classId, sessionId, studentId, file.path, attemptId));
    if (!previewable(file)) return { url: link.url, text: null };
    return { url: link.url, text: await api.text(link.url) };
  }, [classId, sessionId, studentId, attemptId, file.path]);
  return (
    <section className="column preview-pane" aria-labelledby="preview-title">
      <h2 id="preview-title">{file.path}</h2>
      <p className="muted">
        {humanSize(file.size)} · sha256 <code className="hash">{file.sha256.slice(0, 16)}…</code>
      </p>
      <ErrorMessage error={content.error} />
      {content.loading && <Loading what="the file" />}
      {content.data && content.data.text != null && !looksBinary(content.data.text) && (
        <pre className="file" id="file-preview" tabIndex={0} aria-label={`Content of ${file.path}`}>
          {content.data.text}
        </pre>
      )}
      {content.data && (content.data.text == null || looksBinary(content.data.text)) && <p>This file is too large or not text, so it is not shown here. Download the zip to see it.</p>}
    </section>
  );
}
