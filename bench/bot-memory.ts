/**
 * What one PocketSphinx decoder holds, by what it is built with: PSS added by each decoder loaded
 * (none freed until the end, so the allocator cannot hand one's pages to the next), in one
 * process: the flat pass on every utterance (settings v3) or a quick search beside the full one
 * (flatPass `numbers`, v4); the model's whole dictionary or only its language model's words; its
 * own language model or its thread's first decoder's. What grows per call is what the
 * bot-load bench prints; this is what a decoder costs inside it.
 * Run: npm run bench -- bot-memory
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decoderArgv, loadDecoderSettings } from '../pipelines/speech/decoder-settings.js';
import { DEBIAN_EN_US_MODEL, Decoder } from '../pipelines/speech/pocketsphinx-ffi.js';

const pssMb = () => Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1]) / 1024;

export async function runBotMemoryBench(): Promise<void> {
  const argv = decoderArgv(loadDecoderSettings());
  const held: Decoder[] = [];
  const step = (label: string, load: () => Decoder) => {
    global.gc?.();
    const before = pssMb();
    held.push(load());
    console.log(`  ${label.padEnd(62)} +${(pssMb() - before).toFixed(0)} MB PSS`);
  };
  console.log(`bot-memory: PocketSphinx decoders (${DEBIAN_EN_US_MODEL}), PSS added by each, one process`);
  try {
    // The LM-words dictionary written and the library's first allocations made before measuring.
    const first = Decoder.create(DEBIAN_EN_US_MODEL, argv, { quick: true });
    held.push(first);
    step('flat pass on every utterance, whole dictionary (v3 as before)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, argv, { fullDictionary: true }),
    );
    step('flat pass on every utterance (v3), LM words only', () => Decoder.create(DEBIAN_EN_US_MODEL, argv));
    step('quick search beside the full one (v4), whole dictionary', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, argv, { quick: true, fullDictionary: true }),
    );
    step('v4, LM words only (what a thread loads first)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, argv, { quick: true }),
    );
    step('v4, LM words only, sharing its thread’s first language model', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, argv, { quick: true, lmOf: first }),
    );
    step('v3, LM words only, sharing a language model', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, argv, { lmOf: held[2] }),
    );
  } finally {
    for (const d of held) d.free();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotMemoryBench();
