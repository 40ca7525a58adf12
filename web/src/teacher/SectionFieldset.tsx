// Capacity, self-enrolment and schedule inputs, shared by "new class" and "edit class".
import { Checkbox, TextField } from '../ui/Form';
import type { SectionFields } from './sectionForm';

export function SectionFieldset({ value, onChange }: { value: SectionFields; onChange: (v: SectionFields) => void }) {
  const set = (patch: Partial<SectionFields>) => onChange({ ...value, ...patch });
  return (
    <fieldset>
      <legend>Section</legend>
      <TextField label="Capacity" type="number" min={1} max={500} inputMode="numeric" hint="Most students in the class (empty: no limit)." value={value.capacity} onChange={(e) => set({ capacity: e.target.value })} />
      <Checkbox label="Students may enrol themselves" checked={value.selfEnrol} onChange={(e) => set({ selfEnrol: e.target.checked })} />
      <div className="row">
        <TextField label="Starts" type="datetime-local" value={value.start} onChange={(e) => set({ start: e.target.value })} />
        <TextField label="Ends" type="datetime-local" value={value.end} onChange={(e) => set({ end: e.target.value })} />
        <TextField label="Time zone" hint="IANA zone, e.g. Europe/Madrid." value={value.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
      </div>
    </fieldset>
  );
}
