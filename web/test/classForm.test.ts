import { describe, expect, it } from 'vitest';
import type { ClassView } from '../src/api/types';
import { classEditBlocked, classEditBody, classFields } from '../src/teacher/classForm';

const klass: ClassView = { classId: 'ed1', name: 'Intro', subject: 'cs', templateId: 'codeserver', teacher: 't', students: [], state: 'CLOSED' };

describe('class edit form', () => {
  it('starts from the class and sends nothing when nothing changed', () => {
    expect(classFields(klass)).toEqual({ name: 'Intro', subject: 'cs', templateId: 'codeserver' });
    expect(classEditBody(klass, classFields(klass))).toBeNull();
    expect(classEditBody(klass, { ...classFields(klass), name: '  Intro ' })).toBeNull();
  });

  it('sends only the changed fields, the name trimmed', () => {
    expect(classEditBody(klass, { name: ' Intro 2 ', subject: 'cs', templateId: 'codeserver' })).toEqual({ name: 'Intro 2' });
    expect(classEditBody(klass, { name: 'Intro', subject: 'maths', templateId: 'py' })).toEqual({ subject: 'maths', templateId: 'py' });
  });

  it('sends a blank name so the server says why it is refused', () => {
    expect(classEditBody(klass, { ...classFields(klass), name: '   ' })).toEqual({ name: '' });
  });

  it('is editable only while the class is closed, and says why not otherwise', () => {
    expect(classEditBlocked('CLOSED')).toBeNull();
    expect(classEditBlocked('OPEN')).toMatch(/Close the class/);
    expect(classEditBlocked('OPENING')).toMatch(/opening or closing/);
    expect(classEditBlocked('CLOSING')).toMatch(/opening or closing/);
    expect(classEditBlocked(undefined)).not.toBeNull();
  });
});
