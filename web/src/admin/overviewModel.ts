// The admin overview (`GET /api/admin/overview`) in the shape the UI draws; on a server without it the
// overview is put together from the classes and their status, without resource use.
import type { ClassStatus, ClassView } from '../api/types';

export interface StudentUsage {
  studentId: string;
  state: string;
  reason?: string | null;
  cpuPercent?: number | null;
  memoryBytes?: number | null;
  memoryLimitBytes?: number | null;
}

export interface ClassUsage {
  classId: string;
  name: string;
  teacher: string;
  state: string;
  students: number;
  ready?: number;
  cpuPercent?: number | null;
  memoryBytes?: number | null;
  perStudent: StudentUsage[];
}

export interface AdminOverview {
  generatedAt?: string;
  classes: ClassUsage[];
  /** False when composed without the overview API: no CPU or memory figures. */
  withUsage: boolean;
}

export function composedOverview(rows: { klass: ClassView; status: ClassStatus | null }[]): AdminOverview {
  return {
    withUsage: false,
    classes: rows.map(({ klass, status }) => ({
      classId: klass.classId,
      name: klass.name,
      teacher: klass.teacher,
      state: status?.state ?? klass.state,
      students: klass.students.length,
      ready: status?.students.filter((s) => s.state === 'READY').length,
      perStudent: (status?.students ?? []).map((s) => ({ studentId: s.studentId, state: s.state, reason: s.reason })),
    })),
  };
}

export function megabytes(bytes: number | null | undefined): string {
  return bytes == null ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${value.toFixed(1)} %`;
}
