import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
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
    expect(lex.byClass.get('private_datum')!.map((e) => e.ref)).toContain('private_datum.zh@5');
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

  it('matches as one alternative per term would, boundaries shared or not (any terms, any line)', () => {
    // The reference: each term its own alternative with its own edges, longest first.
    const alone = (terms: string[], bound: boolean) => {
      const edge = (c: string) => bound && /[A-Za-z0-9]/.test(c);
      const source = [...terms]
        .sort((a, b) => b.length - a.length)
        .map((t) => {
          const body = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
          return `(?:${edge(t[0]!) ? '(?<![A-Za-z0-9])' : ''}${body}${edge(t.at(-1)!) ? '(?![A-Za-z0-9])' : ''})`;
        })
        .join('|');
      return new RegExp(source, 'giu');
    };
    const found = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    // A small alphabet and lines made of the terms themselves, so terms overlap, nest and abut.
    const unit = fc.constantFrom('a', 'b', ' ', '退', '.', "'");
    const term = fc
      .array(unit, { minLength: 1, maxLength: 5 })
      .map((u) => u.join(''))
      .filter((t) => t.trim() === t && t.length > 0);
    const cases = fc.array(term, { minLength: 1, maxLength: 6 }).chain((terms) =>
      fc.tuple(
        fc.constant(terms),
        fc.boolean(),
        fc.array(fc.oneof(fc.constantFrom(...terms), unit), { maxLength: 8 }).map((p) => p.join('')),
      ),
    );
    fc.assert(
      fc.property(cases, ([terms, bound, line]) => {
        const [entry] = compileLexiconFile(
          't.lexicon.json',
          file([{ id: 'e', class: 'a', lang: 'any', terms, bound }]),
        );
        expect(found(entry!.re, line)).toEqual(found(alone(terms, bound), line));
      }),
      { numRuns: 500 },
    );
  });

  it('names the mask file entry with a bad pattern', () => {
    const text = JSON.stringify({ id: 'm', version: 1, entries: [{ id: 'u', kind: 'url', pattern: '[' }] });
    expect(() => compileMaskFile('masks.json', text)).toThrow(/masks\.json entry u: bad pattern/);
  });
});
