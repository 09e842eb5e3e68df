/**
 * What a shared worker holds before its first call, part by part (text pipeline, VAD model,
 * recognition pool); then what one PocketSphinx decoder holds by what it is built with: PSS added
 * by each decoder loaded (none freed until the end, so the allocator cannot hand one's pages to the
 * next), in one process: with the flat pass or without it; the model's whole dictionary or only
 * its language model's words; its own language model or its thread's first decoder's. A
 * recognition thread under v5 holds a first decoder with its own language model and more sharing it.
 * Run: npm run bench -- bot-memory
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../core/config.js';
import { loadSileroSession } from '../pipelines/audio/silero-model.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { decoderArgv, loadDecoderSettings } from '../pipelines/speech/decoder-settings.js';
import { DEBIAN_EN_US_MODEL, Decoder } from '../pipelines/speech/pocketsphinx-ffi.js';
import { SERVICE_CALLS_VOCABULARY } from '../pipelines/speech/pocketsphinx.js';
import { RecognizerPool } from '../pipelines/speech/recognizer-pool.js';

const pssMb = () => Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1]) / 1024;

export async function runBotMemoryBench(): Promise<void> {
  await workerParts();
  decoders();
}

/**
 * What a shared worker (KEFU_BOT_EXECUTOR=shared) holds before its first call, part by part, as
 * agent/shared-host.ts loads it: the text pipeline, the VAD's model, the recognition pool (a thread
 * per core, one decoder each, decision 0570). Every call shares these; what a call adds on top (its room, streams
 * and session) is what bench bot-load prints as "per call above the idle worker".
 */
async function workerParts(): Promise<void> {
  const start = pssMb();
  const step = async <T>(label: string, load: () => Promise<T>): Promise<T> => {
    const before = pssMb();
    const held = await load();
    console.log(`  ${label.padEnd(64)} +${(pssMb() - before).toFixed(0)} MB PSS`);
    return held;
  };
  console.log(
    `bot-memory: what a shared worker holds before its first call, one process (${start.toFixed(0)} MB at start)`,
  );
  await step('text pipeline (analyzers, knowledge loaded and compiled)', () =>
    buildAnalyzers({ config: loadConfig({}), warm: true }),
  );
  await step('Silero VAD session (one per process)', () => loadSileroSession());
  const vocabulary = loadConfig().stt.vocabulary;
  const pool = await step(
    `recognition pool: ${THREADS} threads × ${DECODERS_PER_THREAD} decoder(s) (v${loadDecoderSettings().version}, ${vocabulary})`,
    () =>
      new RecognizerPool(
        { kind: 'pocketsphinx', decoders: DECODERS_PER_THREAD, vocabulary },
        { threads: THREADS },
      ).start(),
  );
  console.log(`  total ${pssMb().toFixed(0)} MB PSS`);
  await pool.close();
}

/** As agent/shared-host.ts warms them, on a 2-core host. */
const THREADS = 2;
const DECODERS_PER_THREAD = 1;

function decoders(): void {
  const settings = loadDecoderSettings();
  const full = decoderArgv({ ...settings, args: { ...settings.args, '-fwdflat': 'yes' } });
  const quick = decoderArgv({ ...settings, args: { ...settings.args, '-fwdflat': 'no' } });
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
    const first = step('flat pass, LM words only, own LM (a thread’s first, v5)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full),
    );
    step('flat pass, LM words only, sharing the LM (a thread’s next, v5)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full, { lmOf: first }),
    );
    const own = step('no flat pass, LM words only, own LM (a thread’s first, v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, quick),
    );
    step('no flat pass, LM words only, sharing the LM (a thread’s next, v4)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, quick, { lmOf: own }),
    );
    // The service-call vocabulary (decision 0700): its own small model and dictionary.
    const vocabulary = SERVICE_CALLS_VOCABULARY;
    const domain = step('flat pass, service-call vocabulary, own LM (a thread’s first)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full, { vocabulary }),
    );
    step('flat pass, service-call vocabulary, sharing the LM (a thread’s next)', () =>
      Decoder.create(DEBIAN_EN_US_MODEL, full, { lmOf: domain, vocabulary }),
    );
  } finally {
    for (const d of held) d.free();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotMemoryBench();
