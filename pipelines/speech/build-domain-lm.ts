/**
 * Builds the service-call language model and dictionary PocketSphinx can decode with instead of
 * Debian's general English ones (KEFU_STT_VOCABULARY=service-calls, decision 0700), from the text
 * data/service-calls-en/spec.json lists and the dictionary Debian's pocketsphinx-en-us ships.
 *   npx tsx pipelines/speech/build-domain-lm.ts [--check]
 * --check writes nothing: it builds again and fails unless both files equal the shipped ones.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { NUMBER_LINES, SENTENCES } from '../../bench/speech-lines.js';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from '../language/knowledge-file.js';
import { arpaModel, dictionaryWords, inVocabulary, prunedDictionary, spokenSentences } from './domain-lm.js';
import { DEBIAN_EN_US_MODEL, lmUnigrams } from './pocketsphinx-ffi.js';
import { SERVICE_CALLS_VOCABULARY } from './pocketsphinx.js';

export const SERVICE_CALLS_DIR = dirname(SERVICE_CALLS_VOCABULARY.lm);
export const SERVICE_CALLS_FILES = SERVICE_CALLS_VOCABULARY;

const SpecSchema = z.object({
  id: z.literal('pocketsphinx.domain-model'),
  version: z.number().int().positive(),
  description: z.string().min(1),
  sources: z
    .array(z.string().min(1))
    .min(1)
    .refine(
      (dirs) => dirs.every((d) => !/(^|\/)(abuse-l|blind-t|blind-u|blind-w)(\/|$)/.test(d)),
      'a blind set is never read',
    ),
  discount: z.number().gt(0).lt(1),
  /** Debian's general model's most likely words, mixed into the unigrams at `weight`: words the text lacks. */
  background: z.object({ words: z.number().int().min(0), weight: z.number().gt(0).lt(1) }).optional(),
});

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/i;

/** The English lines of the sources' calls (a line without Chinese characters), in file order. */
export function serviceCallLines(sources: string[]): string[] {
  const lines: string[] = [];
  for (const dir of sources) {
    const abs = fromPackageRoot(dir);
    for (const file of readdirSync(abs)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const row of readFileSync(join(abs, file), 'utf8').split('\n')) {
        if (!row.trim()) continue;
        const text = (JSON.parse(row) as { text?: unknown }).text;
        if (typeof text === 'string' && LATIN.test(text) && !HAN.test(text)) lines.push(text);
      }
    }
  }
  return lines;
}

/**
 * The model and dictionary from the spec's sources. The benches' audio text is held out (a
 * sentence equal to one of theirs is dropped), so word errors on it measure unseen speech.
 */
export function buildServiceCallModel(
  options: { dictionary?: string; heldOut?: string[]; specFile?: string } = {
    heldOut: [...SENTENCES, ...NUMBER_LINES],
  },
): { lm: string; dict: string; sentences: number; words: number; dropped: number } {
  const specFile = options.specFile ?? join(SERVICE_CALLS_DIR, 'spec.json');
  const spec = parseKnowledge(specFile, readFileSync(specFile, 'utf8'), SpecSchema);
  const dictionary = readFileSync(options.dictionary ?? join(DEBIAN_EN_US_MODEL, 'cmudict-en-us.dict'), 'utf8');
  const known = dictionaryWords(dictionary);
  const heldOut = new Set((options.heldOut ?? []).flatMap(spokenSentences).map((s) => s.join(' ')));
  const all = serviceCallLines(spec.sources).flatMap(spokenSentences);
  const kept = all.filter((s) => !heldOut.has(s.join(' ')));
  const sentences = inVocabulary(kept, (w) => known.has(w));
  const background = spec.background && {
    weight: spec.background.weight,
    probs: new Map(
      [...lmUnigrams(join(DEBIAN_EN_US_MODEL, 'en-us.lm.bin'))]
        .filter(([w]) => known.has(w))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, spec.background.words),
    ),
  };
  const lm = arpaModel(sentences, spec.discount, background);
  const words = new Set([...sentences.flat(), ...(background?.probs.keys() ?? [])]);
  return {
    lm,
    dict: prunedDictionary(dictionary, words),
    sentences: sentences.length,
    words: words.size,
    dropped: all.length - kept.length,
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  // --spec FILE --out DIR: another spec's model, written to DIR (for measuring a candidate).
  const flag = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const specFile = flag('--spec');
  const out = flag('--out');
  const built = buildServiceCallModel(specFile ? { specFile, heldOut: [...SENTENCES, ...NUMBER_LINES] } : undefined);
  console.log(
    `service-call model: ${built.sentences} sentences, ${built.words} words; ${built.dropped} sentences equal to the benches' dropped`,
  );
  let same = true;
  const files = out
    ? { lm: join(out, 'service-calls.lm'), dict: join(out, 'service-calls.dict') }
    : SERVICE_CALLS_FILES;
  for (const [file, text] of [
    [files.lm, built.lm],
    [files.dict, built.dict],
  ] as const) {
    if (!check) writeFileSync(file, text);
    else if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file} differs from what the build makes: run npx tsx pipelines/speech/build-domain-lm.ts`);
      same = false;
    }
  }
  if (check && same) console.log('both files equal the build');
  if (!same) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
