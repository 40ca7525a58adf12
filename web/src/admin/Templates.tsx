// Admin: the runtime templates allowlist. Listing always works; creating, editing and deleting
// need the template API (POST/PUT/DELETE /api/templates), said plainly when the server lacks it.
import { useState } from 'react';
import { paths } from '../api/paths';
import type { Template } from '../api/types';
import { useSession } from '../auth/session';
import { useTitle } from '../ui/Layout';
import { ErrorMessage, Loading, Notice } from '../ui/Messages';
import { useLoad } from '../ui/useLoad';
import { TemplateForm, templateBody, templateFields } from './TemplateForm';

export function Templates() {
  useTitle('Templates');
  const { api } = useSession();
  const templates = useLoad(() => api.get<Template[]>(paths.templates), []);
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
      await templates.reload();
    } catch (e) {
      setError(e);
    }
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
                <th scope="col">Editor</th>
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
                  <td>{editorSummary(t)}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.id}`}>
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
      <TemplateForm
        key={editing ?? 'new'}
        editing={editing}
        initial={templateFields(templates.data?.find((t) => t.id === editing))}
        onSubmit={(f) => void (editing ? act(() => api.put(paths.template(editing), templateBody(f)), `Template ${editing} saved.`) : act(() => api.post(paths.templates, templateBody(f)), `Template ${f.id} created.`))}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

function editorSummary(t: Template): string {
  const e = t.editor as { autoSave?: boolean; aiChat?: boolean; welcome?: boolean } | undefined;
  if (!e) return '—';
  return [`auto-save ${e.autoSave === false ? 'off' : 'on'}`, `AI chat ${e.aiChat ? 'on' : 'off'}`, `welcome ${e.welcome ? 'on' : 'off'}`].join(', ');
}
