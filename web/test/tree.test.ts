import { describe, expect, it } from 'vitest';
import { ideAvailability, ideUrl } from '../src/ide';
import { fileTree, humanSize, looksBinary } from '../src/submissions/tree';

const f = (path: string, size = 1) => ({ path, size, sha256: 'x' });

describe('fileTree', () => {
  it('nests paths into folders, folders first, names sorted', () => {
    const tree = fileTree([f('src/main.py'), f('README.md'), f('src/lib/util.py'), f('a.txt')]);
    expect(tree.map((n) => [n.name, !!n.file])).toEqual([['src', false], ['a.txt', true], ['README.md', true]]);
    const src = tree[0];
    expect(src.children.map((n) => n.path)).toEqual(['src/lib', 'src/main.py']);
    expect(src.children[0].children[0].file?.path).toBe('src/lib/util.py');
  });

  it('keeps a file and a folder of the same name apart', () => {
    const tree = fileTree([f('x'), f('x/y')]);
    expect(tree.map((n) => [n.name, !!n.file])).toEqual([['x', false], ['x', true]]);
  });

  it('says sizes for people and spots binary text', () => {
    expect([humanSize(10), humanSize(2048), humanSize(3 * 1024 * 1024)]).toEqual(['10 B', '2.0 KB', '3.0 MB']);
    expect(looksBinary('a\u0000b')).toBe(true);
  });
});

describe('IDE links', () => {
  it('derives the IDE host from the app host, port kept', () => {
    expect(ideUrl({ protocol: 'http:', host: 'app.caas.localhost:18080' }, 'cs101', 'student1')).toBe('http://cs101-student1-ide.caas.localhost:18080/');
    expect(ideUrl({ protocol: 'http:', host: 'localhost:5173' }, 'cs101', 'student1')).toBeNull();
  });

  it('offers "Open my IDE" only when it can work, and says why not otherwise', () => {
    expect(ideAvailability('OPEN', 'READY')).toEqual({ ready: true });
    expect(ideAvailability('OPEN', 'STARTING')).toMatchObject({ ready: false, message: expect.stringMatching(/starting/) });
    expect(ideAvailability('CLOSED', undefined)).toMatchObject({ ready: false, message: expect.stringMatching(/closed/) });
    expect(ideAvailability('OPENING', 'ABSENT')).toMatchObject({ ready: false, message: expect.stringMatching(/opening/) });
    expect(ideAvailability('CLOSING', 'READY')).toMatchObject({ ready: false });
  });
});
