// Edit a class's section settings (capacity, self-enrolment, schedule).
import { useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { ClassView } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorMessage, Notice } from '../ui/Messages';
import { SectionFieldset } from './SectionFieldset';
import { sectionBody, sectionFields } from './sectionForm';

export function SectionEditor({ klass, onSaved }: { klass: ClassView; onSaved: (c: ClassView) => void }) {
  const { api } = useSession();
  const [fields, setFields] = useState(sectionFields(klass));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.put<ClassView>(paths.section(klass.classId), { ...sectionBody(fields), carryOver: klass.carryOver }));
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="section-title">
      <h2 id="section-title">Settings</h2>
      <SectionFieldset value={fields} onChange={setFields} />
      <button type="submit">Save settings</button>
      <ErrorMessage error={error} />
      <Notice>{saved ? 'Settings saved.' : null}</Notice>
    </form>
  );
}
