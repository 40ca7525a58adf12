// What a student may type as a port to share; the server checks it again (and knows the IDE's own port).
export const MIN_SHARED_PORT = 1024;
export const MAX_SHARED_PORT = 65535;

export type PortInput = { port: number; error?: undefined } | { port?: undefined; error: string };

export function parsePort(text: string): PortInput {
  const trimmed = text.trim();
  if (!/^[0-9]{1,5}$/.test(trimmed)) return { error: 'Type a port number, e.g. 3000.' };
  const port = Number(trimmed);
  if (port < MIN_SHARED_PORT || port > MAX_SHARED_PORT) {
    return { error: `A shared port is between ${MIN_SHARED_PORT} and ${MAX_SHARED_PORT}.` };
  }
  return { port };
}
