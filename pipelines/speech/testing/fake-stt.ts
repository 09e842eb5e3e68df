import type { KefuError } from '../../../core/errors.js';
import { frameDurationMs } from '../../audio/frame.js';
import type { SpokenLanguage, SttCapabilities, SttEngine, SttStream, SttStreamOptions } from '../contract.js';

export interface FakeSttOptions {
  /** Text for each utterance in turn, across all streams; empty once used up. */
  script?: string[];
  partials?: boolean;
  languages?: SpokenLanguage[];
  /** Reveal one more word of the scripted text every this many pushed frames. */
  framesPerWord?: number;
  /** Make the n-th (0-based) endUtterance fail with this error. */
  failAt?: { utterance: number; error: KefuError };
}

/**
 * A scripted engine for testing callers of the STT contract: it "hears" the next line of its
 * script in every utterance and behaves as the contract says (partials while frames arrive,
 * one final per utterance, times inside the pushed audio).
 */
export class FakeSttEngine implements SttEngine {
  readonly name = 'fake';
  readonly capabilities: SttCapabilities;
  private utterances = 0;
  private readonly script: string[];

  constructor(private readonly options: FakeSttOptions = {}) {
    this.script = [...(options.script ?? [])];
    this.capabilities = { partials: options.partials ?? true, languages: options.languages ?? ['en', 'zh'] };
  }

  openStream({ language, onSegment }: SttStreamOptions): SttStream {
    let span: { startMs: number; endMs: number; frames: number; text?: string } | undefined;
    let closed = false;
    const segment = (final: boolean, text: string, s: { startMs: number; endMs: number }) =>
      onSegment({
        text,
        startMs: Math.round(s.startMs),
        endMs: Math.round(s.endMs),
        language,
        confidence: final ? 0.9 : null,
        engine: this.name,
        final,
      });
    return {
      push: (frame, atMs) => {
        if (closed) throw new Error('push after close');
        span ??= { startMs: atMs, endMs: atMs, frames: 0, text: this.script.shift() };
        span.endMs = atMs + frameDurationMs(frame);
        span.frames++;
        const words = (span.text ?? '').split(' ').filter(Boolean);
        const shown = Math.floor(span.frames / (this.options.framesPerWord ?? 5));
        if (
          this.capabilities.partials &&
          shown > 0 &&
          span.frames % (this.options.framesPerWord ?? 5) === 0 &&
          shown <= words.length
        ) {
          segment(false, words.slice(0, shown).join(' '), span);
        }
      },
      endUtterance: async () => {
        const s = span;
        span = undefined;
        const n = this.utterances++;
        await Promise.resolve();
        if (this.options.failAt?.utterance === n) throw this.options.failAt.error;
        if (s?.text && !closed) segment(true, s.text, s);
      },
      close: async () => {
        closed = true;
      },
    };
  }

  async close(): Promise<void> {}
}
