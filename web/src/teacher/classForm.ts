// What a class is (name, subject, template) as the edit form holds it, and the PATCH body:
// only what changed. The server allows the change only while the class is CLOSED.
import type { ClassState, ClassView } from '../api/types';

export interface ClassFields {
  name: string;
  subject: string;
  templateId: string;
}

export interface ClassEditBody {
  name?: string;
  subject?: string;
  templateId?: string;
}

export function classFields(c: ClassView): ClassFields {
  return { name: c.name, subject: c.subject, templateId: c.templateId };
}

/** The fields that differ from the class, trimmed; null when nothing changed. */
export function classEditBody(c: ClassView, f: ClassFields): ClassEditBody | null {
  const body: ClassEditBody = {};
  const name = f.name.trim();
  if (name !== c.name) body.name = name;
  if (f.subject && f.subject !== c.subject) body.subject = f.subject;
  if (f.templateId && f.templateId !== c.templateId) body.templateId = f.templateId;
  return Object.keys(body).length ? body : null;
}

/** Why the class cannot be edited now, in words; null when it can (closed). */
export function classEditBlocked(state: ClassState | string | undefined): string | null {
  switch (state) {
    case 'CLOSED':
      return null;
    case 'OPENING':
    case 'CLOSING':
      return 'The class is opening or closing. Name, subject and template can be changed once it is closed.';
    case undefined:
      return 'Loading the class state…';
    default:
      return "Close the class to change its name, subject or template: its students' IDEs run on the current template.";
  }
}
