// RFC 9457 problems as the services send them, and how the UI says them in words.

export interface FieldError {
  field?: string;
  message?: string;
}

export interface RowError {
  row?: number;
  line?: number;
  username?: string;
  studentId?: string;
  field?: string;
  code?: string;
  message?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  fields?: FieldError[] | Record<string, string>;
  errors?: RowError[];
  [key: string]: unknown;
}

/** A failed API call: the HTTP status and the problem body (if the server sent one). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

// Codes whose server text is too terse for a person; everything else uses the server's detail.
const WORDS: Record<string, string> = {
  'too-many-logins': 'Too many failed sign-ins. Wait a little and try again.',
  'class-busy': 'The class is opening or closing right now. Wait until that has finished.',
  'class-exists': 'A class with this id exists already. Choose another id.',
  'subject-exists': 'A subject with this id exists already.',
  'subject-in-use': 'Classes still belong to this subject, so it cannot be deleted.',
  'template-in-use': 'Classes still use this template, so it cannot be deleted.',
  'user-exists': 'A user with this username exists already.',
  'wrong-password': 'The current password is wrong.',
  'password-change-required': 'Change your password first.',
  'roster-empty': 'The class has no students yet: add some to the roster before opening it.',
  'orchestrator-busy': 'The server is opening or closing other classes right now. Try again in a minute.',
  'coordination-unavailable': 'The server cannot coordinate class changes right now (Redis unavailable). Try again soon.',
  'payload-too-large': 'The file is too large (at most 1 MiB).',
  'upstream-unavailable': 'A CaaS service is not answering. Try again in a moment.',
  'upstream-timeout': 'A CaaS service took too long to answer. Try again.',
  'auth-unavailable': 'Sign-in checks are unavailable right now. Try again in a moment.',
};

const BY_STATUS: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'This conflicts with the current state.',
  413: 'The file is too large (at most 1 MiB).',
  429: 'Too many requests. Wait a little and try again.',
  502: 'A CaaS service is not answering. Try again in a moment.',
  503: 'CaaS is busy or partly unavailable. Try again in a moment.',
  504: 'A CaaS service took too long to answer. Try again.',
};

/** One sentence for a person: never raw JSON, never just a number. */
export function problemMessage(status: number, problem: Problem | null): string {
  if (status === 0) return 'Cannot reach CaaS. Check your connection and try again.';
  const code = problem?.code;
  if (code && WORDS[code]) return WORDS[code];
  const text = (problem?.detail ?? problem?.title ?? '').trim();
  if (text && !looksLikeJson(text)) return sentence(text);
  return BY_STATUS[status] ?? (status >= 500 ? 'CaaS had an internal error. Try again later.' : `The request failed (HTTP ${status}).`);
}

/** The per-field or per-row details of a problem, as short lines. */
export function problemDetails(problem: Problem | null): string[] {
  if (!problem) return [];
  const lines: string[] = [];
  const fields = problem.fields;
  if (Array.isArray(fields)) {
    for (const f of fields) lines.push(`${f.field ?? 'field'}: ${f.message ?? 'invalid'}`);
  } else if (fields && typeof fields === 'object') {
    for (const [field, message] of Object.entries(fields)) lines.push(`${field}: ${String(message)}`);
  }
  for (const e of problem.errors ?? []) {
    const where = e.line ?? e.row;
    const who = e.username ?? e.studentId;
    lines.push([where != null ? `line ${where}` : null, who || null].filter(Boolean).join(', ') + `: ${e.message ?? e.code ?? 'invalid'}`);
  }
  return lines;
}

/**
 * Whether the server lacks this endpoint (this deployment does not have the feature yet): a method
 * the service does not map (405), a path no service maps (Spring's `http-404`), or a path the gateway
 * routes nowhere ("No route for ...").
 */
export function isMissingEndpoint(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 405 || error.status === 501) return true;
  if (error.status !== 404) return false;
  return error.code === 'http-404' || /^No route for /.test(error.problem?.detail ?? '');
}

function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(text);
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
