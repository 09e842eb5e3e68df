import { z } from 'zod';
import { SpeakerRoleSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { listAudioSegments } from '../../db/queries/audio.js';
import { type FlagAudioFacts, getFlagAudioFacts } from '../../db/queries/flag-audio.js';
import { encodeWav } from '../audio/wav-write.js';
import { type Actor, merchantScope, notFound } from '../moderation/actor.js';
import { buildClip, type Clip } from './clip.js';
import type { AudioStore } from './store.js';

/** What a reader may ask of a flag's clip: one speaker or both, and how much context around it. */
export const FlagClipQuerySchema = z
  .object({
    speaker: SpeakerRoleSchema.optional(),
    beforeMs: z.coerce.number().int().min(0).max(15_000).default(2000),
    afterMs: z.coerce.number().int().min(0).max(15_000).default(2000),
  })
  .strict();
export type FlagClipQuery = z.input<typeof FlagClipQuerySchema>;

export interface FlagClip {
  flag: FlagAudioFacts;
  clip: Clip;
  /** 16-bit PCM WAV of the clip (decision 0182: sample-addressable, so the player seeks exactly). */
  wav: Buffer;
}

/**
 * A flag's utterance as it was heard, with context before and after, for whoever may see the flag
 * (a reviewer, or staff of the merchant whose call it was); anyone else gets NOT_FOUND, as for the
 * flag itself. Used by the clip endpoint and by any page that shows a flag's evidence.
 */
export async function flagClip(
  deps: { sql: Sql; store: AudioStore | undefined },
  actor: Actor,
  flagId: string,
  query: FlagClipQuery = {},
): Promise<FlagClip> {
  const q = FlagClipQuerySchema.parse(query);
  const flag = await getFlagAudioFacts(deps.sql, flagId, merchantScope(actor));
  if (!flag) throw notFound('flag');
  const window = { fromMs: Math.max(0, flag.startMs - q.beforeMs), toMs: flag.endMs + q.afterMs };
  const segments = await listAudioSegments(deps.sql, flag.callId, { ...window, speaker: q.speaker });
  if (!deps.store || segments.length === 0) {
    throw new KefuError('NOT_FOUND', 'No audio is stored for this flag (not recorded, or past its retention).');
  }
  const key = `${flagId}:${q.speaker ?? 'both'}:${window.fromMs}:${window.toMs}:${segments.map((s) => s.sha256).join()}`;
  let made = cache.get(key);
  if (!made) {
    const clip = await buildClip(deps.store, segments, window);
    made = { clip, wav: encodeWav(clip.samples, clip.sampleRate) };
    remember(key, made);
  }
  return { flag, ...made };
}

/** A player asks for the same clip in several ranges while it seeks: keep the last few built. */
const cache = new Map<string, Omit<FlagClip, 'flag'>>();
const CACHED = 16;
function remember(key: string, value: Omit<FlagClip, 'flag'>): void {
  cache.set(key, value);
  for (const old of cache.keys()) {
    if (cache.size <= CACHED) break;
    cache.delete(old);
  }
}
