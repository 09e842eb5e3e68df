/**
 * What one PocketSphinx decoder holds, by what it is built with: PSS added by each decoder loaded
 * (none freed until the end, so the allocator cannot hand one's pages to the next), in one
 * process: with the flat pass (settings v3, what the full decoders of v4 are) or without it (what
 * v4's utterances start on); the model's whole dictionary or only its language model's words; its
 * own language model or its thread's first decoder's. A recognition thread under v4 holds a quick
 * decoder with its own language model and a full one sharing it, plus more of either sharing it.
 * Run: npm run bench -- bot-memory
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decoderArgvs, loadDecoderSettings } from '../pipelines/speech/decoder-settings.js';
import { DEBIAN_EN_US_MODEL, Decoder } from '../pipelines/speech/pocketsphinx-ffi.js';

const pssMb = () => Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1]) / 1024;

export async function runBotMemoryBench(): Promise<void> {
  const { first: quick, full } = decoderArgvs(loadDecoderSettings());
  const held: Decoder[] = [];
  const step = (label: string, load: () => Decoder) => {
    const before = pssMb();
    const decoder = load();
    held.push(decoder);
    console.log(`  ${label.padEnd(64)} +${(pssMb() - before).toFixed(0)} MB PSS`);
    return decoder;
  };
  console.log(`bot-memory: PocketSphinx decoders (${DEBIAN_EN_US_MODEL}), PSS added by each, one process`);
  try {
    // The LM-words dictionary written and the library's first allocations made before measuring.
    held.push(Decoder.create(DEBIAN_EN_US_MODEL, full));
    step('flat pass, whole dictionary, own LM (each decoder before v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full, { fullDictionary: true }),
    );
    const own = step('no flat pass, LM words only, own LM (a thread’s first, v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, quick),
    );
    step('flat pass, LM words only, sharing the LM (a thread’s full one, v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full, { lmOf: own }),
    );
    step('no flat pass, LM words only, sharing the LM (a thread’s next, v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, quick, { lmOf: own }),
    );
  } finally {
    for (const d of held) d.free();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotMemoryBench();
