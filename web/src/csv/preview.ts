// A CSV dry run as a table: every line of the file the user chose, with the server's errors and
// warnings for that line beside it. The server parses the CSV (Jackson CSV); the UI only lines up
// its answers with the text, by the line numbers the server reports.
import type { ImportIssue, ImportResult, RosterIssue, RosterPreview } from '../api/types';

export interface PreviewRow {
  line: number;
  text: string;
  errors: string[];
  warnings: string[];
}

export interface Preview {
  rows: PreviewRow[];
  /** Problems the server could not tie to a line of the file. */
  general: string[];
  errorCount: number;
  warningCount: number;
  valid: boolean;
}

/** The users import dry run (`line` is the CSV line, the header is line 1). */
export function userImportPreview(csv: string, result: ImportResult): Preview {
  return build(csv, result.errors.map((e) => issue(e.line, e, e.username)), [], result.valid, true);
}

/**
 * The roster dry run: `row` is the CSV line for an upload, or the 1-based position in a typed
 * list (which the UI sends as one student per line, so both line up the same way).
 */
export function rosterPreview(text: string, result: RosterPreview): Preview {
  const errors = result.errors.map((e) => issue(e.row, e, e.studentId));
  const warnings = result.warnings.map((w) => issue(w.row, w, w.studentId));
  return build(text, errors, warnings, result.valid, hasHeader(text, result, [...errors, ...warnings]));
}

/** The server takes a first line that is no student and has no issue for a header (CSV header optional). */
function hasHeader(text: string, result: RosterPreview, issues: Issue[]): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const cell = first.split(/[,;]/)[0].replace(/"/g, '').trim();
  return !!cell && !result.students.includes(cell) && !issues.some((i) => i.line === 1);
}

/** A typed roster (comma, space or newline separated) as one id per line. */
export function typedRoster(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

interface Issue {
  line: number | undefined;
  message: string;
}

function issue(line: number | undefined, e: ImportIssue | RosterIssue, who: string | undefined): Issue {
  const field = 'field' in e && e.field ? `${e.field}: ` : '';
  const message = `${field}${e.message ?? e.code ?? 'invalid'}`;
  return { line, message: who && !message.includes(who) ? `${who} — ${message}` : message };
}

function build(text: string, errors: Issue[], warnings: Issue[], valid: boolean, skipHeader: boolean): Preview {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: PreviewRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || (skipHeader && line === 1)) return;
    rows.push({ line, text: raw, errors: at(errors, line), warnings: at(warnings, line) });
  });
  const known = new Set(rows.map((r) => r.line));
  const general = [...errors, ...warnings].filter((i) => i.line == null || !known.has(i.line)).map((i) => (i.line != null ? `line ${i.line}: ${i.message}` : i.message));
  return { rows, general, errorCount: errors.length, warningCount: warnings.length, valid };
}

function at(issues: Issue[], line: number): string[] {
  return issues.filter((i) => i.line === line).map((i) => i.message);
}
