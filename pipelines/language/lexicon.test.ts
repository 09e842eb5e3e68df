import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexiconFile, loadLexicon } from './lexicon.js';
import { compileMaskFile } from './masks.js';

const file = (entries: unknown[]) => JSON.stringify({ id: 't', version: 2, entries });

describe('lexicon files', () => {
  it('loads the shipped files with versioned entry refs', () => {
    const lex = loadLexicon();
    expect(lex.files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['marks.lexicon.json', 'classes.lexicon.json']),
    );
    expect(lex.byClass.get('private_datum')!.map((e) => e.ref)).toContain('private_datum.zh@3');
  });

  it('names the file and the entry of a bad entry', () => {
    expect(() =>
      compileLexiconFile(
        'x.lexicon.json',
        file([
          { id: 'ok', class: 'a', lang: 'zh', terms: ['x'] },
          { id: 'bad', class: 'a', lang: 'fr', terms: ['y'] },
        ]),
      ),
    ).toThrow(/x\.lexicon\.json entry 1 \(bad\): lang/);
    expect(() => compileLexiconFile('x.lexicon.json', file([{ id: 'empty', class: 'a', lang: 'zh' }]))).toThrow(
      /entry 0 \(empty\).*terms or patterns/,
    );
    expect(() =>
      compileLexiconFile('x.lexicon.json', file([{ id: 're', class: 'a', lang: 'en', patterns: ['(unclosed'] }])),
    ).toThrow(/x\.lexicon\.json entry re: bad pattern/);
    expect(() => compileLexiconFile('x.lexicon.json', '{ not json')).toThrow(/x\.lexicon\.json: not JSON/);
  });

  it('refuses an entry id defined in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-'));
    writeFileSync(join(dir, 'a.lexicon.json'), file([{ id: 'same', class: 'a', lang: 'zh', terms: ['x'] }]));
    writeFileSync(join(dir, 'b.lexicon.json'), file([{ id: 'same', class: 'b', lang: 'zh', terms: ['y'] }]));
    expect(() => loadLexicon(dir)).toThrow(/same is defined twice \(a\.lexicon\.json and b\.lexicon\.json\)/);
  });

  it('refuses notInside naming an entry that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-'));
    writeFileSync(
      join(dir, 'a.lexicon.json'),
      file([{ id: 'neg', class: 'a', lang: 'zh', terms: ['不'], notInside: ['nope'] }]),
    );
    expect(() => loadLexicon(dir)).toThrow(/a\.lexicon\.json entry neg: notInside names unknown entry nope/);
  });

  it('names the mask file entry with a bad pattern', () => {
    const text = JSON.stringify({ id: 'm', version: 1, entries: [{ id: 'u', kind: 'url', pattern: '[' }] });
    expect(() => compileMaskFile('masks.json', text)).toThrow(/masks\.json entry u: bad pattern/);
  });
});
