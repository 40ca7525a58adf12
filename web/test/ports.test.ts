import { describe, expect, it } from 'vitest';
import { parsePort } from '../src/student/ports';

describe('parsePort', () => {
  it('takes a port a student process can listen on', () => {
    expect(parsePort(' 3000 ')).toEqual({ port: 3000 });
    expect(parsePort('1024')).toEqual({ port: 1024 });
    expect(parsePort('65535')).toEqual({ port: 65535 });
  });

  it('refuses what is not a port, or one below 1024, with a sentence', () => {
    for (const bad of ['', 'abc', '30.5', '-1', '80', '65536', '123456']) {
      expect(parsePort(bad).error, bad).toMatch(/port/i);
    }
  });
});
