// Admin: subjects (classes belong to one); a subject in use cannot be deleted.
import { useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { Subject } from '../api/types';
import { useSession } from '../auth/session';
import { TextField } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

export function Subjects() {
  useTitle('Subjects');
  const { api } = useSession();
  const subjects = useLoad(() => api.get<Subject[]>(paths.subjects), []);
  const [subjectId, setSubjectId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>, message: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(message);
      await subjects.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (await act(() => api.post(paths.subjects, { subjectId: subjectId.trim(), name: name.trim(), description: description.trim() || undefined }), `Subject ${subjectId} created.`)) {
      setSubjectId('');
      setName('');
      setDescription('');
    }
  }

  function rename(s: Subject) {
    const next = window.prompt(`New name for ${s.subjectId}:`, s.name);
    if (next && next.trim() !== s.name) void act(() => api.put(paths.subject(s.subjectId), { name: next.trim(), description: s.description }), `Subject ${s.subjectId} renamed.`);
  }

  return (
    <section aria-labelledby="subjects-title">
      <h1 id="subjects-title">Subjects</h1>
      <ErrorMessage error={error} />
      <Notice>{notice}</Notice>
      <form className="card" onSubmit={create} aria-labelledby="new-subject-title">
        <h2 id="new-subject-title">New subject</h2>
        <div className="row">
          <TextField label="Subject id" required pattern="[a-z0-9]{1,32}" value={subjectId} onChange={(e) => setSubjectId(e.target.value.toLowerCase())} />
          <TextField label="Subject name" required value={name} onChange={(e) => setName(e.target.value)} />
          <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          Create subject
        </button>
      </form>
      <ErrorMessage error={subjects.error} />
      {subjects.loading && !subjects.data && <Loading what="subjects" />}
      {subjects.data && (
        <div className="scroll" tabIndex={0} role="region" aria-label="Subjects table">
          <table className="grid" id="subjects">
            <caption className="sr-only">Subjects</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {subjects.data.map((s) => (
                <tr key={s.subjectId} data-subject={s.subjectId}>
                  <td>{s.subjectId}</td>
                  <td>{s.name}</td>
                  <td>{s.description ?? ''}</td>
                  <td className="actions">
                    <button type="button" onClick={() => rename(s)} aria-label={`Rename ${s.subjectId}`}>
                      Rename
                    </button>
                    <button type="button" onClick={() => window.confirm(`Delete subject ${s.subjectId}?`) && void act(() => api.delete(paths.subject(s.subjectId)), `Subject ${s.subjectId} deleted.`)} aria-label={`Delete ${s.subjectId}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
