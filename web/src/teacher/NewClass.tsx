// Create a class: id, name, subject, template, section settings; then its roster is set on the
// class page (the roster's dry run needs the class to exist).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../api/paths';
import type { ClassView, Subject, Template } from '../api/types';
import { useSession } from '../auth/session';
import { Select, TextField } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { SectionFieldset } from './SectionFieldset';
import { sectionBody, sectionFields } from './sectionForm';

export function NewClass() {
  useTitle('New class');
  const { api } = useSession();
  const navigate = useNavigate();
  const subjects = useLoad(() => api.get<Subject[]>(paths.subjects), []);
  const templates = useLoad(() => api.get<Template[]>(paths.templates), []);
  const [classId, setClassId] = useState('');
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [section, setSection] = useState(sectionFields());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { classId: classId.trim(), name: name.trim(), subject: subject || subjects.data?.[0]?.subjectId, templateId: templateId || templates.data?.[0]?.id, students: [], ...sectionBody(section) };
      const created = await api.post<ClassView>(paths.classes, body);
      navigate(`/classes/${encodeURIComponent(created.classId)}?created=1#roster-title`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-class-title">
      <h1 id="new-class-title">New class</h1>
      <ErrorMessage error={error ?? subjects.error ?? templates.error} />
      <form className="card" onSubmit={submit}>
        <TextField label="Class id" required pattern="[a-z0-9]{1,32}" hint="Lowercase letters and digits, up to 32 (used in IDE addresses)." value={classId} onChange={(e) => setClassId(e.target.value.toLowerCase())} />
        <TextField label="Name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        <Select label="Subject" required value={subject || subjects.data?.[0]?.subjectId || ''} onChange={(e) => setSubject(e.target.value)}>
          {(subjects.data ?? []).map((s) => (
            <option key={s.subjectId} value={s.subjectId}>
              {s.name} ({s.subjectId})
            </option>
          ))}
        </Select>
        <Select label="Template" required value={templateId || templates.data?.[0]?.id || ''} onChange={(e) => setTemplateId(e.target.value)}>
          {(templates.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.displayName} ({t.id})
            </option>
          ))}
        </Select>
        <SectionFieldset value={section} onChange={setSection} />
        <p className="muted">After creating the class you set its roster (typed or from a CSV file).</p>
        <button type="submit" className="primary" disabled={busy}>
          Create class
        </button>
      </form>
    </section>
  );
}
