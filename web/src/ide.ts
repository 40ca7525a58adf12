// IDE hosts sit beside the app host: app.<suffix>[:port] → <class>-<student>-ide.<suffix>[:port].
// The IDE host itself sends a browser without an IDE cookie to the gateway's /ide/open hand-over.
import type { ClassState } from './api/types';

export function ideUrl(location: { protocol: string; host: string }, classId: string, studentId: string): string | null {
  if (!location.host.startsWith('app.')) return null;
  return `${location.protocol}//${classId}-${studentId}-ide.${location.host.slice(4)}/`;
}

export type IdeAvailability = { ready: true } | { ready: false; message: string };

/** Whether "Open my IDE" can work now, and if not, why in words. */
export function ideAvailability(classState: ClassState | undefined, studentState: string | undefined): IdeAvailability {
  switch (classState) {
    case 'OPEN':
      if (studentState === 'READY') return { ready: true };
      if (studentState === 'STARTING') return { ready: false, message: 'Your IDE is starting. This page updates when it is ready.' };
      if (studentState === 'FAILED') return { ready: false, message: 'Your IDE is not running. Ask your teacher to restart it.' };
      return { ready: false, message: 'Your IDE is not running yet. Ask your teacher if this does not change.' };
    case 'OPENING':
      return { ready: false, message: 'The class is opening. Your IDE will be ready in a minute.' };
    case 'CLOSING':
      return { ready: false, message: 'The class is closing; your files are being saved.' };
    default:
      return { ready: false, message: 'The class is closed. Your IDE opens when your teacher opens the class.' };
  }
}
