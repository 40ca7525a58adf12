// Admin: create or edit one runtime template (limits, idle policy, egress, editor defaults).
import { useState, type FormEvent } from 'react';
import type { Template } from '../api/types';
import { Checkbox, TextField } from '../ui/Form';

export interface TemplateFields {
  id: string;
  displayName: string;
  image: string;
  memory: string;
  cpus: string;
  pidsLimit: string;
  diskLimit: string;
  idleTimeout: string;
  internetEgress: boolean;
  autoSave: boolean;
  aiChat: boolean;
  welcome: boolean;
}

export function templateFields(t?: Template): TemplateFields {
  const editor = (t?.editor ?? {}) as { autoSave?: boolean; aiChat?: boolean; welcome?: boolean };
  return {
    id: t?.id ?? '',
    displayName: t?.displayName ?? '',
    image: t?.image ?? '',
    memory: t?.memory ?? '1g',
    cpus: String(t?.cpus ?? 1),
    pidsLimit: String(t?.pidsLimit ?? 512),
    diskLimit: t?.diskLimitBytes ? `${Math.round(Number(t.diskLimitBytes) / 1024 / 1024)}MB` : '',
    idleTimeout: t?.idleTimeoutSeconds != null ? `${Math.round(Number(t.idleTimeoutSeconds) / 60)}m` : '',
    internetEgress: t?.internetEgress !== false,
    autoSave: editor.autoSave !== false,
    aiChat: !!editor.aiChat,
    welcome: !!editor.welcome,
  };
}

export function templateBody(f: TemplateFields): Record<string, unknown> {
  return {
    id: f.id.trim(),
    displayName: f.displayName.trim(),
    image: f.image.trim(),
    memory: f.memory.trim() || undefined,
    cpus: f.cpus ? Number(f.cpus) : undefined,
    pidsLimit: f.pidsLimit ? Number(f.pidsLimit) : undefined,
    diskLimit: f.diskLimit.trim() || undefined,
    idleTimeout: f.idleTimeout.trim() || undefined,
    internetEgress: f.internetEgress,
    editor: { autoSave: f.autoSave, aiChat: f.aiChat, welcome: f.welcome },
  };
}

export function TemplateForm({ editing, initial, onSubmit, onCancel }: { editing: string | null; initial: TemplateFields; onSubmit: (f: TemplateFields) => void; onCancel: () => void }) {
  const [f, setF] = useState(initial);
  const set = (patch: Partial<TemplateFields>) => setF({ ...f, ...patch });
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(f);
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="template-form-title">
      <h2 id="template-form-title">{editing ? `Edit template ${editing}` : 'New template'}</h2>
      <div className="row">
        <TextField label="Template id" required pattern="[a-z0-9]{1,32}" disabled={!!editing} value={f.id} onChange={(e) => set({ id: e.target.value })} />
        <TextField label="Display name" required value={f.displayName} onChange={(e) => set({ displayName: e.target.value })} />
        <TextField label="Image" required hint="An image present on the engine (labelled for CaaS runtimes)." value={f.image} onChange={(e) => set({ image: e.target.value })} />
      </div>
      <div className="row">
        <TextField label="Memory" hint="e.g. 1g or 512m" value={f.memory} onChange={(e) => set({ memory: e.target.value })} />
        <TextField label="CPUs" type="number" step="0.1" min="0.1" value={f.cpus} onChange={(e) => set({ cpus: e.target.value })} />
        <TextField label="Processes" type="number" min="16" value={f.pidsLimit} onChange={(e) => set({ pidsLimit: e.target.value })} />
        <TextField label="Disk limit" hint="e.g. 10GB; empty: none" value={f.diskLimit} onChange={(e) => set({ diskLimit: e.target.value })} />
        <TextField label="Stop when idle after" hint="e.g. 30m; 0: never" value={f.idleTimeout} onChange={(e) => set({ idleTimeout: e.target.value })} />
      </div>
      <Checkbox label="Internet access from the IDE" checked={f.internetEgress} onChange={(e) => set({ internetEgress: e.target.checked })} />
      <fieldset>
        <legend>Editor defaults</legend>
        <Checkbox label="Auto-save" checked={f.autoSave} onChange={(e) => set({ autoSave: e.target.checked })} />
        <Checkbox label="AI chat panel" checked={f.aiChat} onChange={(e) => set({ aiChat: e.target.checked })} />
        <Checkbox label="Vendor welcome content" checked={f.welcome} onChange={(e) => set({ welcome: e.target.checked })} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {editing ? 'Save template' : 'Create template'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
