/**
 * The search settings PocketSphinx decoders are built with, read from a versioned data file
 * (data/pocketsphinx.json) rather than written into the engine: how much search the utterance's
 * last pass does is a trade of latency against word errors, measured, not a constant.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from '../language/knowledge-file.js';

export const DECODER_SETTINGS_FILE = fromPackageRoot('pipelines/speech/data/pocketsphinx.json');

/** Flags the model directory decides, and the log, which never goes anywhere but /dev/null. */
const RESERVED = new Set(['-hmm', '-lm', '-dict', '-logfn']);

export const DecoderSettingsSchema = z.object({
  id: z.literal('pocketsphinx.decoder'),
  version: z.number().int().positive(),
  description: z.string().min(1),
  args: z.record(z.string(), z.string().min(1)).superRefine((args, ctx) => {
    for (const flag of Object.keys(args)) {
      if (!/^-[a-z_]+$/.test(flag))
        ctx.addIssue({
          code: 'custom',
          path: [flag],
          message: 'a flag is a dash and lowercase letters, e.g. -fwdflat',
        });
      else if (RESERVED.has(flag))
        ctx.addIssue({ code: 'custom', path: [flag], message: 'is set from the model directory, not in the settings' });
    }
  }),
  /**
   * Which utterances get the flat-lexicon second pass (`-fwdflat yes` in `args`), which runs after
   * the speaker stops (~100–200 ms): `always`, or `numbers`: an utterance starts on a decoder
   * without it and moves to one with it, which decodes its audio so far again, as soon as its
   * words hold a number (digits read out are what the second pass saves); the rest end in ~20 ms.
   */
  flatPass: z.enum(['always', 'numbers']).default('always'),
});
export type DecoderSettings = z.infer<typeof DecoderSettingsSchema>;

/**
 * The argv of the decoders utterances start on, and of the full ones those reading a number move
 * to; the same when every utterance gets the flat pass.
 */
export function decoderArgvs(settings: DecoderSettings): { first: string[]; full: string[] } {
  const full = decoderArgv(settings);
  if (settings.flatPass !== 'numbers' || settings.args['-fwdflat'] === 'no') return { first: full, full };
  return { first: decoderArgv({ ...settings, args: { ...settings.args, '-fwdflat': 'no' } }), full };
}

/** Reads and checks a settings file (the project's by default); errors name the file and the field. */
export function loadDecoderSettings(file: string = DECODER_SETTINGS_FILE): DecoderSettings {
  return parseKnowledge(file, readFileSync(file, 'utf8'), DecoderSettingsSchema);
}

/** The settings as the library's argv, after the model files. */
export function decoderArgv(settings: DecoderSettings): string[] {
  return Object.entries(settings.args).flat();
}
