// The API's shapes as the UI uses them (see /work/shared/API.md and the services' READMEs).

export type Role = 'admin' | 'teacher' | 'student';

export interface Me {
  username: string;
  roles: Role[];
  displayName?: string;
}

export interface User {
  username: string;
  roles: Role[];
  displayName?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  createdAt?: string;
}

export interface Schedule {
  start: string;
  end: string;
  timeZone: string;
}

export type ClassState = 'CLOSED' | 'OPENING' | 'OPEN' | 'CLOSING';

export interface ClassView {
  classId: string;
  name: string;
  subject: string;
  templateId: string;
  teacher: string;
  students: string[];
  state: ClassState;
  sessionId?: string | null;
  operationId?: string | null;
  capacity?: number | null;
  enrolled?: number;
  seatsLeft?: number | null;
  selfEnrol?: boolean;
  schedule?: Schedule | null;
  carryOver?: boolean;
}

export interface StudentStatus {
  studentId: string;
  ideUrl?: string | null;
  state: string;
  reason?: string | null;
}

export interface ClassStatus {
  classId: string;
  state: ClassState;
  sessionId?: string | null;
  operationId?: string | null;
  students: StudentStatus[];
}

export interface StudentProgress {
  studentId: string;
  state: string;
  reason?: string | null;
  files?: number;
  bytes?: number;
}

export interface Operation {
  id: string;
  kind: 'UP' | 'DOWN' | string;
  classId: string;
  sessionId?: string | null;
  state: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | string;
  message?: string | null;
  students: StudentProgress[];
  progress?: { done: number; total: number };
  seq?: number;
}

export interface Subject {
  subjectId: string;
  name: string;
  description?: string | null;
}

export interface Template {
  id: string;
  displayName: string;
  image?: string;
  port?: number;
  memory?: string;
  cpus?: number | string;
  pidsLimit?: number;
  internetEgress?: boolean;
  [key: string]: unknown;
}

export interface SubmittedFile {
  path: string;
  size: number;
  sha256: string;
  collectedAt?: string;
}

export interface Attempt {
  attemptId: string;
  collectedAt: string;
  fileCount: number;
  totalBytes: number;
  files: SubmittedFile[];
}

export interface StudentSubmission {
  studentId: string;
  latest: Attempt | null;
  attempts: Attempt[];
}

export interface Submissions {
  classId: string;
  sessions: { sessionId: string; students: StudentSubmission[] }[];
}

export interface RosterIssue {
  row?: number;
  studentId?: string;
  code?: string;
  message?: string;
}

export interface RosterPreview {
  classId: string;
  dryRun: boolean;
  valid: boolean;
  students: string[];
  errors: RosterIssue[];
  warnings: RosterIssue[];
}

export interface ImportIssue {
  line?: number;
  username?: string;
  field?: string;
  code?: string;
  message?: string;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  valid: boolean;
  errors: ImportIssue[];
  created: string[];
}

export interface AuthSession {
  sessionId: string;
  username: string;
  createdAt?: string;
  lastRefreshAt?: string;
  expiresAt?: string;
  clientAddress?: string;
  userAgent?: string;
  [key: string]: unknown;
}

/** A port a student shared: its preview answers at `url` to the same people as the IDE. */
export interface SharedPort {
  port: number;
  url: string;
  sharedBy: string;
  sharedAt: string;
}
