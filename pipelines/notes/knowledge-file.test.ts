import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../core/paths.js';
import { findAmounts } from './amounts.js';
import { findDeadlines } from './deadlines.js';
import { compilePattern, parseKnowledge } from '../language/knowledge-file.js';

const Schema = z.object({ id: z.string(), version: z.number().int().positive() }).strict();

describe('knowledge files of the notes engine', () => {
  it('names the file and what is wrong', () => {
    expect(() => parseKnowledge('digits.json', '{ "id": "digits", ', Schema)).toThrow(/digits\.json: not JSON/);
    expect(() => parseKnowledge('amounts.json', '{ "id": "amounts", "version": 0 }', Schema)).toThrow(
      /amounts\.json: version: /,
    );
    expect(() => parseKnowledge('x.json', '{ "id": "x", "version": 1, "extra": 1 }', Schema)).toThrow(/x\.json: /);
    expect(() => compilePattern('deadlines.json', 'zh.days', '([0-9]+', 'g')).toThrow(
      /deadlines\.json zh\.days: bad pattern/,
    );
  });

  it('every shipped file carries an id and a version, and the engines load them', () => {
    const dir = fromPackageRoot('pipelines/notes/data/');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      expect(() => parseKnowledge(file, text, Schema.passthrough())).not.toThrow();
    }
    expect(findAmounts('一共128块').map((a) => a.value)).toEqual([128]);
    expect(findDeadlines('明天给您发', new Date('2026-11-24T02:00:00Z'), 'Asia/Shanghai')[0]?.date).toBe('2026-11-25');
  });
});
