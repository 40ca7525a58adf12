import { describe, expect, it } from 'vitest';
import { composedOverview, megabytes, percent } from '../src/admin/overviewModel';
import { templateBody, templateFields } from '../src/admin/TemplateForm';
import { sectionBody, sectionFields } from '../src/teacher/sectionForm';
import type { ClassView } from '../src/api/types';

const klass: ClassView = {
  classId: 'ui1', name: 'UI', subject: 'cs', templateId: 'codeserver', teacher: 't', students: ['a', 'b'], state: 'OPEN',
  capacity: 30, selfEnrol: true, schedule: { start: '2026-11-26T09:00:00', end: '2026-12-20T18:00:00', timeZone: 'Europe/Madrid' },
};

describe('section form', () => {
  it('round-trips a class section into the API body', () => {
    const fields = sectionFields(klass);
    expect(fields).toMatchObject({ capacity: '30', selfEnrol: true, start: '2026-11-26T09:00', end: '2026-12-20T18:00', timeZone: 'Europe/Madrid' });
    expect(sectionBody(fields)).toEqual({ capacity: 30, selfEnrol: true, schedule: { start: '2026-11-26T09:00', end: '2026-12-20T18:00', timeZone: 'Europe/Madrid' } });
  });

  it('leaves out what is empty', () => {
    expect(sectionBody({ capacity: ' ', selfEnrol: false, start: '', end: '', timeZone: 'UTC' })).toEqual({ capacity: undefined, selfEnrol: false, schedule: undefined });
  });
});

describe('template form', () => {
  it('reads a template as the server lists it and writes the admin body', () => {
    const fields = templateFields({ id: 'py', displayName: 'Python', image: 'img', memory: '2g', cpus: 2, pidsLimit: 256, diskLimitBytes: 4 * 1024 ** 3, idleTimeoutSeconds: 1800, internetEgress: false, editor: { autoSave: true, aiChat: false, welcome: false } });
    expect(fields).toMatchObject({ diskLimit: '4096MB', idleTimeout: '30m', internetEgress: false, autoSave: true, aiChat: false });
    expect(templateBody(fields)).toEqual({ id: 'py', displayName: 'Python', image: 'img', memory: '2g', cpus: 2, pidsLimit: 256, diskLimit: '4096MB', idleTimeout: '30m', internetEgress: false, editor: { autoSave: true, aiChat: false, welcome: false } });
  });

  it('starts a new template with classroom defaults: auto-save on, AI chat and welcome off', () => {
    expect(templateFields()).toMatchObject({ autoSave: true, aiChat: false, welcome: false, internetEgress: true, memory: '1g' });
  });
});

describe('admin overview without the overview API', () => {
  it('is composed from classes and their status, and says it has no usage figures', () => {
    const overview = composedOverview([{ klass, status: { classId: 'ui1', state: 'OPEN', students: [{ studentId: 'a', state: 'READY' }, { studentId: 'b', state: 'FAILED', reason: 'image missing' }] } }]);
    expect(overview.withUsage).toBe(false);
    expect(overview.classes[0]).toMatchObject({ classId: 'ui1', students: 2, ready: 1 });
    expect(overview.classes[0].perStudent[1]).toEqual({ studentId: 'b', state: 'FAILED', reason: 'image missing' });
    expect([megabytes(52428800), megabytes(null), percent(3.14159), percent(undefined)]).toEqual(['50 MB', '—', '3.1 %', '—']);
  });
});
