/**
 * The streaming speech-to-text contract every engine implements (PocketSphinx in-process, any
 * OpenAI-compatible endpoint, local Whisper). Callers cut audio into utterances with the VAD and
 * see only this: vendor types and errors never leak past an adapter.
 */
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { PcmFrame } from '../audio/frame.js';

export const SpokenLanguageSchema = z.enum(['zh', 'en']);
export type SpokenLanguage = z.infer<typeof SpokenLanguageSchema>;

export const SttSegmentSchema = z
  .object({
    text: z.string(),
    /** Stream time, ms from the start of this speaker's audio. */
    startMs: z.number().int().nonnegative(),
    endMs: z.number().int().nonnegative(),
    language: SpokenLanguageSchema,
    /** In [0, 1]; null when the engine reports none rather than a made-up number. */
    confidence: z.number().min(0).max(1).nullable(),
    engine: z.string().min(1),
    /** Interim segments are replaced by later ones; only finals are stored. */
    final: z.boolean(),
  })
  .refine((s) => s.endMs >= s.startMs, { message: 'endMs before startMs' });
export type SttSegment = z.infer<typeof SttSegmentSchema>;

export interface SttCapabilities {
  /** Whether interim hypotheses arrive while the speaker is still talking. */
  partials: boolean;
  languages: readonly SpokenLanguage[];
}

export interface SttStreamOptions {
  language: SpokenLanguage;
  onSegment: (segment: SttSegment) => void;
}

/**
 * One speaker's stream. Audio arrives only for utterances, as the VAD cuts them: `push` frames
 * of one utterance, then `endUtterance`, which resolves once that utterance's final segment (if
 * any words were heard) has been emitted. The next utterance may be pushed before that promise
 * settles (a live call doesn't wait for a slow endpoint); finals still come in utterance order.
 * Errors surface from `openStream` or `endUtterance` as KefuErrors.
 */
export interface SttStream {
  /** 16 kHz mono; `atMs` is the stream time of the frame's first sample. */
  push(frame: PcmFrame, atMs: number): void;
  endUtterance(): Promise<void>;
  close(): Promise<void>;
}

export interface SttEngine {
  /** e.g. 'pocketsphinx', 'openai/whisper-1': stored beside every utterance. */
  readonly name: string;
  readonly capabilities: SttCapabilities;
  openStream(options: SttStreamOptions): SttStream;
  /** Frees models and native handles; streams must be closed first. */
  close(): Promise<void>;
}

/** Unavailable = can't start (missing library, model or endpoint config); failed = a request failed. */
export function sttError(
  kind: 'failed' | 'unavailable',
  message: string,
  options: { retryable?: boolean; cause?: unknown } = {},
): KefuError {
  return new KefuError(kind === 'failed' ? 'STT_FAILED' : 'STT_UNAVAILABLE', message, options);
}
