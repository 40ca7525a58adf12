// The roster of a class: typed ids or a CSV file, checked by the server's dry run (bad rows
// flagged, nothing written), then saved.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { ClassView, RosterPreview } from '../api/types';
import { useSession } from '../auth/session';
import { rosterPreview, typedRoster, type Preview } from '../csv/preview';
import { CsvPreview } from '../ui/CsvPreview';
import { FilePicker, TextArea } from '../ui/Form';
import { ErrorMessage, Notice } from '../ui/Messages';

export function RosterEditor({ klass, onSaved }: { klass: ClassView; onSaved: (saved: ClassView | null) => void }) {
  const { api } = useSession();
  const [typed, setTyped] = useState(klass.students.join('\n'));
  const [csv, setCsv] = useState<{ text: string; name: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(): Promise<Preview | null> {
    setError(null);
    setSaved(null);
    try {
      if (csv) {
        const result = await api.postCsv<RosterPreview>(paths.rosterCsv(klass.classId, true), csv.text);
        const p = rosterPreview(csv.text, result);
        setPreview(p);
        return p;
      }
      const students = typedRoster(typed);
      const result = await api.put<RosterPreview>(paths.roster(klass.classId, true), { students });
      const p = rosterPreview(students.join('\n'), result);
      setPreview(p);
      return p;
    } catch (e) {
      setError(e);
      return null;
    }
  }

  async function save() {
    setBusy(true);
    try {
      const p = await check();
      if (!p?.valid) return;
      const result = csv
        ? await api.postCsv<ClassView>(paths.rosterCsv(klass.classId), csv.text)
        : await api.put<ClassView>(paths.roster(klass.classId), { students: typedRoster(typed) });
      const students = result && typeof result === 'object' && Array.isArray(result.students) ? result.students : typedRoster(typed);
      setSaved(`Roster saved: ${students.length} student${students.length === 1 ? '' : 's'}.`);
      setTyped(students.join('\n'));
      setCsv(null);
      setPreview(null);
      onSaved(result && typeof result === 'object' ? result : null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="roster-title">
      <h2 id="roster-title">Roster</h2>
      <TextArea
        label="Student ids"
        hint="One per line (or separated by commas or spaces). Ignored while a CSV file is chosen."
        rows={6}
        value={typed}
        disabled={!!csv}
        onChange={(e) => {
          setTyped(e.target.value);
          setPreview(null);
        }}
      />
      <FilePicker
        label="…or a CSV file (student id in the first column; header optional)"
        onText={(text, name) => {
          setCsv({ text, name });
          setPreview(null);
        }}
      />
      {csv && (
        <p>
          Using <strong>{csv.name}</strong>.{' '}
          <button type="button" className="link" onClick={() => setCsv(null)}>
            Use the typed list instead
          </button>
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void check()} disabled={busy}>
          Check roster
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
          Save roster
        </button>
      </div>
      <ErrorMessage error={error} />
      <Notice>{saved}</Notice>
      {preview && <CsvPreview preview={preview} caption="Roster check" />}
    </section>
  );
}
