import type { Config, SttEngineName } from '../../core/config.js';
import { isKefuError } from '../../core/errors.js';
import { SpokenLanguageSchema, type SpokenLanguage, type SttEngine } from './contract.js';
import { OpenAiSttEngine } from './openai.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { RecognizerPool } from './recognizer-pool.js';
import type { LocalEngineSpec } from './engine-spec.js';
import { WhisperLocalEngine } from './whisper-local.js';

export interface SttRouting {
  /** The engine serving a language, or undefined when it has none (replay its transcript instead). */
  engineFor(language: SpokenLanguage): SttEngine | undefined;
  /** One line for start-up, e.g. "en → pocketsphinx, zh → openai (no endpoint configured: zh has no engine)". */
  description: string;
  /** Languages configured but left without an engine, and why. */
  missing: { language: string; reason: string }[];
  /** Settles once every recognition thread has loaded its model (a failure shows at the first utterance). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface RouterOptions {
  pocketsphinxModelDir?: string;
  /** PocketSphinx decoders each recognition thread loads before it is ready (default 1). */
  decodersPerThread?: number;
  whisperModel?: string;
}

/**
 * Builds the engines `KEFU_STT_ENGINES` asks for and checks each can run (library and model
 * present, endpoint configured) now rather than at the first utterance of a call. A language
 * whose engine can't run is reported, not fatal: its calls can still be replayed from text.
 */
export function buildSttRouting(
  config: Pick<Config, 'stt' | 'llm' | 'models'>,
  options: RouterOptions = {},
): SttRouting {
  const threads = config.stt.threads;
  const built = new Map<SttEngineName, SttEngine | { reason: string }>();
  const routes = new Map<SpokenLanguage, SttEngine>();
  const parts: string[] = [];
  const missing: SttRouting['missing'] = [];
  const starting: Promise<unknown>[] = [];

  for (const [language, kind] of Object.entries(config.stt.engines)) {
    const spoken = SpokenLanguageSchema.safeParse(language);
    if (!built.has(kind)) built.set(kind, create(kind, config, options, threads, starting));
    const engine = built.get(kind)!;
    const reason = !spoken.success
      ? `Kefu transcribes ${SpokenLanguageSchema.options.join(' and ')} only`
      : 'reason' in engine
        ? engine.reason
        : engine.capabilities.languages.includes(spoken.data)
          ? undefined
          : `${engine.name} has no ${language} model`;
    if (reason === undefined && spoken.success && !('reason' in engine)) {
      routes.set(spoken.data, engine);
      parts.push(`${language} → ${engine.name}`);
    } else {
      missing.push({ language, reason: reason ?? 'unavailable' });
      parts.push(
        kind === 'none'
          ? `${language} → none (${language} has no engine)`
          : `${language} → ${kind} (${reason}: ${language} has no engine)`,
      );
    }
  }

  return {
    engineFor: (language) => routes.get(language),
    description: parts.length > 0 ? parts.join(', ') : 'no speech engines configured (KEFU_STT_ENGINES is empty)',
    missing,
    ready: Promise.all(starting).then(() => undefined),
    close: async () => {
      for (const engine of built.values()) if (!('reason' in engine)) await engine.close();
    },
  };
}

function create(
  kind: SttEngineName,
  config: Pick<Config, 'stt' | 'llm' | 'models'>,
  options: RouterOptions,
  threads: number | undefined,
  /** Where each thread pool's start is put, for `SttRouting.ready`. */
  starting: Promise<unknown>[],
): SttEngine | { reason: string } {
  // Local engines decode on the CPU: in threads, so one call's recognition never stalls another's.
  const offLoop = (spec: LocalEngineSpec): SttEngine => {
    const pool = new RecognizerPool(spec, { threads });
    // Loads the threads' models now, before a call needs them; a failure shows at the first utterance.
    starting.push(pool.start().catch(() => {}));
    return pool;
  };
  switch (kind) {
    case 'none':
      return { reason: 'none' };
    case 'openai':
      if (!config.llm) return { reason: 'no endpoint configured' };
      return new OpenAiSttEngine({
        apiKey: config.llm.apiKey,
        baseURL: config.llm.baseURL,
        model: config.llm.sttModel,
      });
    case 'whisper-local': {
      const spec = {
        kind: 'whisper-local' as const,
        modelsDir: config.models.dir,
        model: options.whisperModel,
        allowRemote: config.models.allowRemote,
      };
      const engine = new WhisperLocalEngine(spec);
      if (!engine.hasModel() && !config.models.allowRemote) return { reason: `no model in ${engine.modelDir}` };
      return threads === 0 ? engine : offLoop(spec);
    }
    case 'pocketsphinx': {
      const vocabulary = config.stt.vocabulary;
      const engine = new PocketSphinxEngine({ modelDir: options.pocketsphinxModelDir, vocabulary });
      try {
        // Says at start whether the library and model are there. Threaded, only the threads load
        // a decoder: one loaded here as well cost every job process ~0.5 s of CPU and ~30 MB kept.
        if (threads !== 0) {
          engine.check();
          return offLoop({
            kind: 'pocketsphinx',
            modelDir: options.pocketsphinxModelDir,
            decoders: options.decodersPerThread,
            vocabulary,
          });
        }
        engine.warmUp();
        return engine;
      } catch (err) {
        if (isKefuError(err)) return { reason: err.message };
        throw err;
      }
    }
  }
}
