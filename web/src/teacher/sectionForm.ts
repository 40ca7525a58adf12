// The section fields of a class form (capacity, self-enrolment, schedule) as the API wants them.
import type { ClassView, Schedule } from '../api/types';

export interface SectionFields {
  capacity: string;
  selfEnrol: boolean;
  start: string;
  end: string;
  timeZone: string;
}

export function sectionFields(c?: ClassView): SectionFields {
  return {
    capacity: c?.capacity ? String(c.capacity) : '',
    selfEnrol: !!c?.selfEnrol,
    start: c?.schedule?.start?.slice(0, 16) ?? '',
    end: c?.schedule?.end?.slice(0, 16) ?? '',
    timeZone: c?.schedule?.timeZone ?? browserZone(),
  };
}

export function sectionBody(f: SectionFields): { capacity?: number; selfEnrol: boolean; schedule?: Schedule } {
  const capacity = f.capacity.trim() ? Number(f.capacity) : undefined;
  const schedule = f.start || f.end ? { start: f.start, end: f.end, timeZone: f.timeZone } : undefined;
  return { capacity, selfEnrol: f.selfEnrol, schedule };
}

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
