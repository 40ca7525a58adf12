import { describe, expect, it } from 'vitest';
import { rosterPreview, typedRoster, userImportPreview } from '../src/csv/preview';

const csv = 'username,displayName,roles\nui1a,Ann,student\nBad Name,Bob,student\n\nui1c,Cy,wizard\n';

describe('userImportPreview', () => {
  it('puts each error beside the line the server names, header skipped, blank lines dropped', () => {
    const preview = userImportPreview(csv, {
      dryRun: true,
      rows: 3,
      valid: false,
      created: [],
      errors: [
        { line: 3, username: 'Bad Name', field: 'username', code: 'invalid-username', message: 'invalid username' },
        { line: 5, username: 'ui1c', field: 'roles', code: 'invalid-role', message: 'unknown role wizard' },
      ],
    });
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(preview.rows[0].errors).toEqual([]);
    expect(preview.rows[1].errors).toEqual(['Bad Name — username: invalid username']);
    expect(preview.rows[2].errors).toEqual(['ui1c — roles: unknown role wizard']);
    expect([preview.errorCount, preview.valid]).toEqual([2, false]);
  });

  it('keeps errors it cannot place as general ones', () => {
    const preview = userImportPreview('username\nx\n', { dryRun: true, rows: 1, valid: false, created: [], errors: [{ line: 9, message: 'odd' }, { message: 'too many rows' }] });
    expect(preview.general).toEqual(['line 9: odd', 'too many rows']);
  });
});

describe('rosterPreview', () => {
  it('shows errors and warnings by row, the BOM and CRLF tolerated', () => {
    const text = '\uFEFFs1\r\ns1\r\nX\r\n';
    const preview = rosterPreview(text, {
      classId: 'ui1',
      dryRun: true,
      valid: false,
      students: ['s1'],
      errors: [{ row: 2, studentId: 's1', code: 'duplicate-student', message: 's1 is listed twice' }, { row: 3, studentId: 'X', code: 'invalid-id', message: 'not a valid id' }],
      warnings: [{ row: 1, studentId: 's1', code: 'other-section', message: 'already in cs102' }],
    });
    expect(preview.rows.map((r) => [r.line, r.text, r.errors.length, r.warnings.length])).toEqual([
      [1, 's1', 0, 1],
      [2, 's1', 1, 0],
      [3, 'X', 1, 0],
    ]);
    expect(preview.rows[2].errors[0]).toBe('X — not a valid id');
  });

  it('reads a typed roster separated by lines, commas or spaces', () => {
    expect(typedRoster('s1, s2\ns3  s4;;\n')).toEqual(['s1', 's2', 's3', 's4']);
  });
});

describe('rosterPreview with a CSV header', () => {
  it('leaves the header line out of the rows when the server did not take it for a student', () => {
    const preview = rosterPreview('studentId,name\ns1,Ann\ns2,Bob\n', { classId: 'c', dryRun: true, valid: true, students: ['s1', 's2'], errors: [], warnings: [] });
    expect(preview.rows.map((r) => r.text)).toEqual(['s1,Ann', 's2,Bob']);
  });
});
