// Admin: import users from CSV. "Check" runs the server's dry run (per-line errors, nothing
// written); "Import" is enabled only once the file checks out, and the import is all-or-nothing.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { ImportResult } from '../api/types';
import { useSession } from '../auth/session';
import { userImportPreview, type Preview } from '../csv/preview';
import { CsvPreview } from '../ui/CsvPreview';
import { FilePicker, TextArea, TextField } from '../ui/Form';
import { ErrorMessage } from '../ui/Messages';

export function UserImport({ onImported }: { onImported: (count: number) => void }) {
  const { api } = useSession();
  const [csv, setCsv] = useState('');
  const [initialPassword, setInitialPassword] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = await api.postCsv<ImportResult>(paths.userImport(dryRun, initialPassword || undefined), csv);
      if (dryRun) setPreview(userImportPreview(csv, result));
      else {
        setPreview(null);
        setCsv('');
        onImported(result.created.length);
      }
    } catch (e) {
      setError(e);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import users from CSV</h2>
      <p className="muted">Columns: username, displayName, roles (admin, teacher, student; several separated by “;”), password (empty: the initial password below). Everyone must change their password at first sign-in.</p>
      <FilePicker
        label="CSV file"
        onText={(text) => {
          setCsv(text);
          setPreview(null);
        }}
      />
      <TextArea
        label="CSV content"
        rows={6}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
          setPreview(null);
        }}
      />
      <TextField label="Initial password for rows without one" type="password" autoComplete="new-password" value={initialPassword} onChange={(e) => setInitialPassword(e.target.value)} />
      <div className="actions">
        <button type="button" disabled={busy || !csv.trim()} onClick={() => void run(true)}>
          Check file
        </button>
        <button type="button" className="primary" disabled={busy || !preview?.valid} onClick={() => void run(false)}>
          Import {preview?.valid ? `${preview.rows.length} users` : ''}
        </button>
      </div>
      <ErrorMessage error={error} />
      {preview && <CsvPreview preview={preview} caption="Import check" />}
    </section>
  );
}
