import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMBER_LINES, SENTENCES } from '../../bench/speech-lines.js';
import { buildServiceCallModel, SERVICE_CALLS_FILES, serviceCallLines } from './build-domain-lm.js';
import {
  arpaModel,
  dictionaryWords,
  inVocabulary,
  prunedDictionary,
  spellDigits,
  spokenSentences,
} from './domain-lm.js';
import { DEBIAN_EN_US_MODEL } from './pocketsphinx-ffi.js';

/** An ARPA file's n-grams: log10 probability and back-off weight by n-gram. */
function readArpa(text: string): Map<string, { p: number; bow: number }> {
  const grams = new Map<string, { p: number; bow: number }>();
  for (const line of text.split('\n')) {
    const [p, gram, bow] = line.split('\t');
    if (gram !== undefined) grams.set(gram, { p: Number(p), bow: bow === undefined ? 0 : Number(bow) });
  }
  return grams;
}

/** p(w | history) as a back-off decoder computes it. */
function prob(grams: Map<string, { p: number; bow: number }>, history: string[], w: string): number {
  const g = [...history, w].join(' ');
  const seen = grams.get(g);
  if (seen) return 10 ** seen.p;
  if (history.length === 0) return 0;
  return 10 ** (grams.get(history.join(' '))?.bow ?? 0) * prob(grams, history.slice(1), w);
}

describe('spoken text', () => {
  it('reads digits as a speaker does: short numbers as numbers, long runs digit by digit', () => {
    expect(spellDigits('7')).toEqual(['seven']);
    expect(spellDigits('24')).toEqual(['twenty', 'four']);
    expect(spellDigits('115')).toEqual(['one', 'hundred', 'fifteen']);
    expect(spellDigits('07')).toEqual(['zero', 'seven']);
    expect(spellDigits('4417')).toEqual(['four', 'four', 'one', 'seven']);
  });

  it('splits a written line into spoken sentences with money, marks and contractions', () => {
    expect(spokenSentences("Hi! I've been charged $35.50 twice. Order #4417820936 — 100% sure")).toEqual([
      ['hi'],
      ["i've", 'been', 'charged', 'thirty', 'five', 'dollars', 'fifty', 'twice'],
      [
        'order',
        'four',
        'four',
        'one',
        'seven',
        'eight',
        'two',
        'zero',
        'nine',
        'three',
        'six',
        'one',
        'hundred',
        'percent',
        'sure',
      ],
    ]);
  });

  it('cuts a sentence where a word has no pronunciation', () => {
    expect(inVocabulary([['dm', 'us', 'at', 'jd', 'please']], (w) => w !== 'dm' && w !== 'jd')).toEqual([
      ['us', 'at'],
      ['please'],
    ]);
  });
});

describe('arpaModel', () => {
  const sentences = [
    ['i', 'want', 'a', 'refund'],
    ['i', 'want', 'a', 'replacement'],
    ['where', 'is', 'my', 'refund'],
    ['i', 'need', 'a', 'refund', 'please'],
  ];
  const grams = readArpa(arpaModel(sentences));
  const vocab = [...new Set(sentences.flat()), '</s>'];

  it('is a distribution after every history, seen or not, as a back-off decoder reads it', () => {
    for (const history of [[], ['<s>'], ['i'], ['want', 'a'], ['a', 'refund'], ['my', 'want'], ['please', 'i']]) {
      const total = vocab.reduce((sum, w) => sum + prob(grams, history, w), 0);
      expect(total, history.join(' ')).toBeCloseTo(1, 2);
    }
  });

  it('mixes general words into the unigrams and stays a distribution', () => {
    const background = {
      probs: new Map([
        ['the', 0.5],
        ['microwave', 0.01],
        ['refund', 0.1],
      ]),
      weight: 0.2,
    };
    const mixed = readArpa(arpaModel(sentences, 0.7, background));
    const words = [...vocab, 'the', 'microwave'];
    for (const history of [[], ['i'], ['want', 'a'], ['microwave']]) {
      const total = words.reduce((sum, w) => sum + prob(mixed, history, w), 0);
      expect(total, history.join(' ')).toBeCloseTo(1, 2);
    }
    expect(prob(mixed, ['a'], 'microwave')).toBeGreaterThan(0);
  });

  it('prefers what the text says next', () => {
    expect(prob(grams, ['want', 'a'], 'refund')).toBeGreaterThan(prob(grams, ['want', 'a'], 'please'));
    expect(prob(grams, ['<s>'], 'i')).toBeGreaterThan(prob(grams, ['<s>'], 'my'));
  });
});

describe('the dictionary cut to the vocabulary', () => {
  it('keeps every pronunciation of the words and nothing else, in the dictionary order', () => {
    const dict = 'a AH\na(2) EY\nrefund R IH F AH N D\nrefund(2) R IY F AH N D\nzebra Z IY B R AH\n';
    expect(prunedDictionary(dict, new Set(['refund', 'a']))).toBe(
      'a AH\na(2) EY\nrefund R IH F AH N D\nrefund(2) R IY F AH N D\n',
    );
    expect([...dictionaryWords(dict)]).toEqual(['a', 'refund', 'zebra']);
  });
});

describe.runIf(existsSync(join(DEBIAN_EN_US_MODEL, 'cmudict-en-us.dict')))('the shipped service-call model', () => {
  it('is what the build makes from its sources (npx tsx pipelines/speech/build-domain-lm.ts --check)', () => {
    const built = buildServiceCallModel();
    expect(built.lm === readFileSync(SERVICE_CALLS_FILES.lm, 'utf8')).toBe(true);
    expect(built.dict === readFileSync(SERVICE_CALLS_FILES.dict, 'utf8')).toBe(true);
  });

  it("holds none of the bench's audio lines, so bench bot-wer measures speech the model has not read", () => {
    const text = new Set(
      serviceCallLines(sourcesOfSpec())
        .flatMap(spokenSentences)
        .map((s) => s.join(' ')),
    );
    for (const line of [...SENTENCES, ...NUMBER_LINES])
      for (const s of spokenSentences(line)) expect(text.has(s.join(' ')), line).toBe(false);
  });
});

function sourcesOfSpec(): string[] {
  return (JSON.parse(readFileSync(join(SERVICE_CALLS_FILES.lm, '..', 'spec.json'), 'utf8')) as { sources: string[] })
    .sources;
}
