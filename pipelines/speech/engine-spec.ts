/**
 * What a speech engine is, as data: enough to build the same engine in another thread. The
 * recognition pool sends this to each worker, which builds its own engine from it (native
 * handles and models cannot cross threads).
 */
import { z } from 'zod';
import { SttVocabulary } from '../../core/config.js';
import type { SttEngine } from './contract.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { WhisperLocalEngine } from './whisper-local.js';

export const LocalEngineSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pocketsphinx'),
    modelDir: z.string().min(1).optional(),
    /** Decoders loaded at warm-up: utterances decoded at once before one is loaded mid-call. */
    decoders: z.number().int().min(1).optional(),
    /** A decoder settings file other than the project's (benches compare them). */
    settingsFile: z.string().min(1).optional(),
    /** The language model and dictionary (Debian's general English by default). */
    vocabulary: SttVocabulary.optional(),
  }),
  z.object({
    kind: z.literal('whisper-local'),
    modelsDir: z.string().min(1),
    model: z.string().min(1).optional(),
    allowRemote: z.boolean(),
  }),
]);
/** Engines that compute on this machine's CPU, and so are worth running off the event loop. */
export type LocalEngineSpec = z.infer<typeof LocalEngineSpecSchema>;

/** Builds the engine a spec describes; models load on first use (or `warmUp`). */
export function createLocalEngine(spec: LocalEngineSpec): SttEngine & { warmUp?: () => void } {
  switch (spec.kind) {
    case 'pocketsphinx':
      return new PocketSphinxEngine({
        modelDir: spec.modelDir,
        warmDecoders: spec.decoders,
        settingsFile: spec.settingsFile,
        vocabulary: spec.vocabulary,
      });
    case 'whisper-local':
      return new WhisperLocalEngine({ modelsDir: spec.modelsDir, model: spec.model, allowRemote: spec.allowRemote });
  }
}
