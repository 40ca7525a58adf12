// Admin: the runtime templates allowlist. Listing always works; creating, editing and deleting
// need the template API (POST/PUT/DELETE /api/templates), said plainly when the server lacks it.
import { useState, type FormEvent } from 'react';
import { paths } from '../api/paths';
import type { Template } from '../api/types';
import { useSession } from '../auth/session';
import { Checkbox, TextField } from '../ui/Form';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';

const BLANK = { id: '', displayName: '', image: '', memory: '1g', cpus: '1', internetEgress: true };

export function Templates() {
  useTitle('Templates');
  const { api } = useSession();
  const templates = useLoad(() => api.get<Template[]>(paths.templates), []);
  const [form, setForm] = useState(BLANK);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>, message: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(message);
      setEditing(null);
      setForm(BLANK);
      await templates.reload();
    } catch (e) {
      setError(e);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { ...form, cpus: Number(form.cpus) };
    void (editing ? act(() => api.put(paths.template(editing), body), `Template ${editing} saved.`) : act(() => api.post(paths.templates, body), `Template ${form.id} created.`));
  }

  return (
    <section aria-labelledby="templates-title">
      <h1 id="templates-title">Templates</h1>
      <ErrorMessage error={error} what="Changing templates" />
      <Notice>{notice}</Notice>
      <ErrorMessage error={templates.error} />
      {templates.loading && !templates.data && <Loading what="templates" />}
      {templates.data && (
        <div className="scroll" tabIndex={0} role="region" aria-label="Templates table">
          <table className="grid" id="templates">
            <caption className="sr-only">Runtime templates</caption>
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Image</th>
                <th scope="col">Limits</th>
                <th scope="col">Internet</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.map((t) => (
                <tr key={t.id}>
                  <td>
                    <strong>{t.displayName}</strong> <span className="muted">{t.id}</span>
                  </td>
                  <td>
                    <code>{t.image ?? '—'}</code>
                  </td>
                  <td>{[t.memory && `memory ${t.memory}`, t.cpus != null && `${t.cpus} CPU`, t.pidsLimit && `${t.pidsLimit} processes`].filter(Boolean).join(', ')}</td>
                  <td>{t.internetEgress === false ? 'off' : 'on'}</td>
                  <td className="actions">
                    <button type="button" onClick={() => { setEditing(t.id); setForm({ id: t.id, displayName: t.displayName, image: t.image ?? '', memory: t.memory ?? '1g', cpus: String(t.cpus ?? 1), internetEgress: t.internetEgress !== false }); }} aria-label={`Edit ${t.id}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => window.confirm(`Delete template ${t.id}?`) && void act(() => api.delete(paths.template(t.id)), `Template ${t.id} deleted.`)} aria-label={`Delete ${t.id}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={submit} aria-labelledby="template-form-title">
        <h2 id="template-form-title">{editing ? `Edit template ${editing}` : 'New template'}</h2>
        <div className="row">
          <TextField label="Template id" required pattern="[a-z0-9]{1,32}" disabled={!!editing} value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} />
          <TextField label="Display name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          <TextField label="Image" required hint="An image present on the engine." value={form.image} onChange={(e) => setForm({ ...form, image: e.target.value })} />
          <TextField label="Memory" value={form.memory} onChange={(e) => setForm({ ...form, memory: e.target.value })} />
          <TextField label="CPUs" type="number" step="0.1" min="0.1" value={form.cpus} onChange={(e) => setForm({ ...form, cpus: e.target.value })} />
        </div>
        <Checkbox label="Internet access from the IDE" checked={form.internetEgress} onChange={(e) => setForm({ ...form, internetEgress: e.target.checked })} />
        <div className="actions">
          <button type="submit" className="primary">
            {editing ? 'Save template' : 'Create template'}
          </button>
          {editing && (
            <button type="button" onClick={() => { setEditing(null); setForm(BLANK); }}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
