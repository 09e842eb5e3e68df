import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lexiconCacheKey } from './lexicon-cache.js';
import { cachedLexicon, compileLexicon, type Lexicon, readLexiconFiles } from './lexicon.js';
import { gateForm } from './literal-gate.js';

const file = (entries: unknown[], version = 2) => JSON.stringify({ id: 't', version, entries });
const SOURCES = [
  {
    file: 'a.lexicon.json',
    text: file([
      { id: 'ask', class: 'request_verb', lang: 'en', terms: ['send me', 'give me'], note: 'x' },
      { id: 'code', class: 'private_datum', lang: 'any', terms: ['验证码', 'code'], patterns: ['pin\\s*(?:number)?'] },
      { id: 'loose', class: 'other', lang: 'zh', patterns: ['[0-9]+块'], align: 'token', notWithin: ['不块'] },
    ]),
  },
  {
    file: 'b.lexicon.json',
    text: file([{ id: 'neg', class: 'mark.negation', lang: 'zh', terms: ['不'], notInside: ['ask'] }]),
  },
];
const LINES = ['Send me the code and your PIN number', '把验证码发我 不要 3块', 'nothing here', ''];

/** Everything a compiled lexicon holds, each RegExp as its source and flags, keys in their order. */
function plain(lex: Lexicon): unknown {
  return {
    entries: lex.entries.map((e) => Object.entries({ ...e, re: [e.re.source, e.re.flags] })),
    classes: [...lex.byClass].map(([c, es]) => [c, es.map((e) => e.id)]),
    files: lex.files,
    gate: lex.gate.parts(),
    candidates: LINES.map((l) => [...lex.gate.candidates(gateForm(l))]),
  };
}

const stored = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.bin'));

describe('the compiled lexicon kept between processes', () => {
  it('is the lexicon compiled now, whether it was just stored or read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    const compiled = plain(compileLexicon(SOURCES));
    expect(plain(cachedLexicon(SOURCES, dir))).toEqual(compiled);
    expect(stored(dir)).toEqual([`lexicon-${lexiconCacheKey(SOURCES)}.bin`]);
    const read = cachedLexicon(SOURCES, dir);
    expect(isDeepStrictEqual(plain(read), compiled)).toBe(true);
    expect(read.entries[0]!.re.test('please SEND  me it')).toBe(true);
  });

  it('is the shipped lexicon compiled now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    const sources = readLexiconFiles();
    const compiled = plain(compileLexicon(sources));
    cachedLexicon(sources, dir);
    expect(isDeepStrictEqual(plain(cachedLexicon(sources, dir)), compiled)).toBe(true);
  });

  it('keys on every file text and name, so an edited lexicon is compiled again', () => {
    const edited = [SOURCES[0]!, { ...SOURCES[1]!, text: SOURCES[1]!.text.replace('"不"', '"没"') }];
    const renamed = [SOURCES[0]!, { ...SOURCES[1]!, file: 'c.lexicon.json' }];
    const keys = new Set([SOURCES, edited, renamed, SOURCES.slice(0, 1)].map(lexiconCacheKey));
    expect(keys.size).toBe(4);
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    cachedLexicon(SOURCES, dir);
    expect(plain(cachedLexicon(edited, dir))).toEqual(plain(compileLexicon(edited)));
    expect(stored(dir)).toHaveLength(2);
  });

  it('compiles again over a damaged, foreign or writable-by-others file, and replaces a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    const path = join(dir, `lexicon-${lexiconCacheKey(SOURCES)}.bin`);
    const compiled = plain(compileLexicon(SOURCES));
    cachedLexicon(SOURCES, dir);
    const good = readFileSync(path);
    // A flipped byte in the gate's arrays: the payload's checksum no longer matches.
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5]! ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length - 100), Buffer.from('KEFULEX1'), Buffer.from('')]) {
      writeFileSync(path, bad, { mode: 0o600 });
      expect(plain(cachedLexicon(SOURCES, dir))).toEqual(compiled);
      expect(readFileSync(path).equals(good)).toBe(true);
    }
    chmodSync(path, 0o666);
    expect(plain(cachedLexicon(SOURCES, dir))).toEqual(compiled);
  });

  it('throws a bad file error as ever, and stores nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    const bad = [{ file: 'x.lexicon.json', text: file([{ id: 'bad', class: 'a', lang: 'fr', terms: ['y'] }]) }];
    expect(() => cachedLexicon(bad, dir)).toThrow(/x\.lexicon\.json entry 0 \(bad\): lang/);
    expect(existsSync(dir) ? stored(dir) : []).toEqual([]);
  });

  it('keeps the newest few lexicons in its directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexcache-'));
    for (let v = 1; v <= 15; v++)
      cachedLexicon([{ file: 'a.lexicon.json', text: file(JSON.parse(SOURCES[0]!.text).entries, v) }], dir);
    expect(stored(dir).length).toBeLessThanOrEqual(12);
  });

  it('works without a usable directory', () => {
    const notADir = join(mkdtempSync(join(tmpdir(), 'lexcache-')), 'file');
    writeFileSync(notADir, '');
    expect(plain(cachedLexicon(SOURCES, join(notADir, 'cache')))).toEqual(plain(compileLexicon(SOURCES)));
  });
});
