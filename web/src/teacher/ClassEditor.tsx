// Edit what a class is (name, subject, template); only while it is closed, with the reason shown
// otherwise.
import { useEffect, useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { ClassView, Subject, Template } from '../api/types';
import { useSession } from '../auth/session';
import { Select, TextField } from '../ui/Form';
import { ErrorMessage, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { classEditBlocked, classEditBody, classFields } from './classForm';

export function ClassEditor({ klass, state, onSaved }: { klass: ClassView; state?: string; onSaved: (c: ClassView) => void }) {
  const { api } = useSession();
  const subjects = useLoad(() => api.get<Subject[]>(paths.subjects), []);
  const templates = useLoad(() => api.get<Template[]>(paths.templates), []);
  const [fields, setFields] = useState(classFields(klass));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A class reloaded with someone else's change starts the form again from what is stored, so a
  // save never sends back values the form showed before that change.
  const stored = `${klass.name}\u0000${klass.subject}\u0000${klass.templateId}`;
  useEffect(() => setFields(classFields(klass)), [stored]); // eslint-disable-line react-hooks/exhaustive-deps
  const blocked = classEditBlocked(state);
  const body = classEditBody(klass, fields);
  const set = (patch: Partial<typeof fields>) => {
    setNotice(null);
    setFields({ ...fields, ...patch });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<ClassView>(paths.klass(klass.classId), body);
      setFields(classFields(saved));
      onSaved(saved);
      setNotice('Class details saved.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="class-edit-title">
      <h2 id="class-edit-title">Class details</h2>
      {blocked && (
        <p id="class-edit-blocked" className="muted">
          {blocked}
        </p>
      )}
      <ErrorMessage error={subjects.error ?? templates.error} />
      <fieldset disabled={!!blocked || busy} aria-describedby={blocked ? 'class-edit-blocked' : undefined}>
        <legend>Name, subject and template</legend>
        <TextField label="Class name" required maxLength={120} value={fields.name} onChange={(e) => set({ name: e.target.value })} />
        <Select label="Class subject" required value={fields.subject} onChange={(e) => set({ subject: e.target.value })}>
          {withCurrent(subjects.data?.map((s) => ({ id: s.subjectId, label: `${s.name} (${s.subjectId})` })), klass.subject).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
        <Select label="Class template" required value={fields.templateId} onChange={(e) => set({ templateId: e.target.value })}>
          {withCurrent(templates.data?.map((t) => ({ id: t.id, label: `${t.displayName} (${t.id})` })), klass.templateId).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
        <button type="submit" disabled={!body}>
          Save class details
        </button>
      </fieldset>
      <ErrorMessage error={error} />
      <Notice>{notice}</Notice>
    </form>
  );
}

/** The options, with the class's current value kept even if the list does not have it (yet). */
function withCurrent(options: { id: string; label: string }[] | undefined, current: string): { id: string; label: string }[] {
  const list = options ?? [];
  return list.some((o) => o.id === current) ? list : [{ id: current, label: current }, ...list];
}
