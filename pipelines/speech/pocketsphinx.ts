import { frameDurationMs } from '../audio/frame.js';
import { sttError, type SttCapabilities, type SttEngine, type SttStream, type SttStreamOptions } from './contract.js';
import { EN_NUMBER } from '../language/numerals-en.js';
import { decoderArgvs, loadDecoderSettings } from './decoder-settings.js';
import { Decoder, DEBIAN_EN_US_MODEL, FRAME_MS, type RecognisedWord, type Vocabulary } from './pocketsphinx-ffi.js';
import type { SttVocabulary } from '../../core/config.js';
import { fromPackageRoot } from '../../core/paths.js';

export interface PocketSphinxOptions {
  /** Directory with en-us/, en-us.lm.bin and cmudict-en-us.dict; Debian's by default. */
  modelDir?: string;
  /** How often to ask for a partial hypothesis while audio arrives. */
  partialEveryMs?: number;
  /** A decoder settings file other than the project's (data/pocketsphinx.json), e.g. for the decoder bench. */
  settingsFile?: string;
  /**
   * Decoders `warmUp` loads (default 1). Loading one takes 0.5–3 s of CPU on the thread that
   * decodes, and utterances on that thread wait meanwhile: a process serving several calls loads
   * as many as it expects utterances at once rather than on the first overlap (decision 0285).
   */
  warmDecoders?: number;
  /** The language model and dictionary: Debian's general English (default), the service-call one, or files. */
  vocabulary?: SttVocabulary | Vocabulary;
}

/** The project's service-call language model and its dictionary (build-domain-lm.ts, decision 0700). */
export const SERVICE_CALLS_VOCABULARY: Vocabulary = {
  lm: fromPackageRoot('pipelines/speech/data/service-calls-en/service-calls.lm'),
  dict: fromPackageRoot('pipelines/speech/data/service-calls-en/service-calls.dict'),
};

/** Words that read out a number (digits, cardinals): an utterance holding one gets the full search. */
const NUMBER_WORD = new RegExp(EN_NUMBER, 'i');
/** Buffered frames a stream moved to the full search decodes per frame that arrives, catching up. */
const CATCH_UP_FRAMES = 3;

/** `first`: what utterances start on (without the flat pass when it is for numbers only); `full`: with it. */
type Kind = 'first' | 'full';
type Utterance = {
  decoder: Decoder;
  kind: Kind;
  startMs: number;
  endMs: number;
  sinceHyp: number;
  lastHyp: string;
  /** On a quick decoder (no flat pass): the audio so far, in case the words turn out to hold a number. */
  heard?: Int16Array[];
  /** On a full decoder after starting quick: audio it has not decoded yet, oldest first. */
  behind: Int16Array[];
};

/**
 * English speech offline, in-process. A decoder holds one utterance at a time, so decoders are
 * pooled: a stream borrows one from its first frame to `endUtterance`, and a call with two
 * people talking at once uses two. Decoding is synchronous and fast (real-time factor ≈ 0.1).
 */
export class PocketSphinxEngine implements SttEngine {
  readonly name = 'pocketsphinx';
  readonly capabilities: SttCapabilities = { partials: true, languages: ['en'] };
  private readonly idle: Record<Kind, Decoder[]> = { first: [], full: [] };
  private readonly all: Decoder[] = [];
  readonly modelDir: string;
  private readonly vocabulary: Vocabulary | undefined;
  private settings: { first: string[]; full: string[]; quick: boolean } | undefined;

  constructor(private readonly options: PocketSphinxOptions = {}) {
    this.modelDir = options.modelDir ?? DEBIAN_EN_US_MODEL;
    const v = options.vocabulary;
    this.vocabulary = v === 'service-calls' ? SERVICE_CALLS_VOCABULARY : v === 'general' ? undefined : v;
  }

  /** Loads the decoders now (≈ 0.5 s each) so no utterance waits for one and setup errors show at start. */
  warmUp(): void {
    const loaded = Array.from({ length: Math.max(1, this.options.warmDecoders ?? 1) }, () => this.borrow('first'));
    for (const decoder of loaded) this.release(decoder, 'first');
    // With the flat pass for numbers only, one decoder with it too (sharing the language model).
    if (this.decoderSettings().quick) this.release(this.borrow('full'), 'full');
  }

  /** Utterances ended without and with the flat pass so far (`quick` only with flatPass `numbers`). */
  readonly ended = { quick: 0, full: 0 };

  /** Decoders held (idle or lent). */
  get decoders(): number {
    return this.all.length;
  }

  /** Throws why this engine cannot run (library or model missing), without loading a decoder. */
  check(): void {
    Decoder.check(this.modelDir, this.vocabulary);
    this.decoderSettings();
  }

  openStream({ language, onSegment }: SttStreamOptions): SttStream {
    if (language !== 'en') throw sttError('unavailable', `pocketsphinx has no ${language} model; it serves en only`);
    let current: Utterance | undefined;
    const quick = this.decoderSettings().quick;
    let closed = false;
    // Often, because the turn detector reads the latest partial when a pause begins (a stale one
    // misses the turn's last words and waits for the full silence); a partial costs ~0.1 ms.
    const partialEvery = this.options.partialEveryMs ?? 100;
    const segment = (text: string, startMs: number, endMs: number, confidence: number | null, final: boolean) =>
      onSegment({
        text,
        startMs: Math.round(startMs),
        endMs: Math.round(endMs),
        language: 'en',
        confidence,
        engine: this.name,
        final,
      });

    /** Moves the utterance to a full decoder; its audio so far is decoded as more arrives. */
    const toFullSearch = (u: Utterance, o: { ended?: boolean } = {}) => {
      if (!o.ended) u.decoder.end();
      this.release(u.decoder, u.kind);
      u.decoder = this.borrow('full');
      u.kind = 'full';
      u.decoder.start();
      u.behind = u.heard ?? [];
      u.heard = undefined;
    };

    return {
      push: (frame, atMs) => {
        if (closed) throw sttError('failed', 'pocketsphinx stream used after close');
        if (!current) {
          const decoder = this.borrow('first');
          decoder.start();
          current = { decoder, kind: 'first', startMs: atMs, endMs: atMs, sinceHyp: 0, lastHyp: '', behind: [] };
          if (quick) current.heard = [];
        }
        const u = current;
        const duration = frameDurationMs(frame);
        u.heard?.push(frame.data);
        if (u.behind.length > 0) {
          u.behind.push(frame.data);
          for (const data of u.behind.splice(0, CATCH_UP_FRAMES + 1)) u.decoder.process(data);
        } else u.decoder.process(frame.data);
        u.endMs = atMs + duration;
        u.sinceHyp += duration;
        // While catching up the hypothesis is behind the audio: the last partial stands until it is not.
        if (u.sinceHyp >= partialEvery && u.behind.length === 0) {
          u.sinceHyp = 0;
          const hyp = u.decoder.hypothesis();
          if (hyp && hyp !== u.lastHyp) segment(hyp, u.startMs, u.endMs, null, false);
          u.lastHyp = hyp;
          if (u.heard && NUMBER_WORD.test(hyp)) toFullSearch(u);
        }
      },
      endUtterance: async () => {
        const u = current;
        current = undefined;
        if (!u) return;
        let words: RecognisedWord[];
        try {
          // Moved to a full decoder: the audio it is still behind on first.
          for (const data of u.behind.splice(0)) u.decoder.process(data);
          words = u.decoder.end();
          // A number first heard in the final: decoded again with the flat pass, all at once.
          if (u.heard && NUMBER_WORD.test(words.map((w) => w.word).join(' '))) {
            toFullSearch(u, { ended: true });
            for (const data of u.behind.splice(0)) u.decoder.process(data);
            words = u.decoder.end();
          }
        } finally {
          this.release(u.decoder, u.kind);
        }
        this.ended[u.heard ? 'quick' : 'full']++;
        if (words.length === 0 || closed) return;
        const startMs = Math.max(u.startMs, u.startMs + words[0]!.startFrame * FRAME_MS);
        const endMs = Math.min(u.endMs, Math.max(startMs, u.startMs + (words.at(-1)!.endFrame + 1) * FRAME_MS));
        const confidence = words.reduce((sum, w) => sum + w.posterior, 0) / words.length;
        segment(words.map((w) => w.word).join(' '), startMs, endMs, confidence, true);
      },
      close: async () => {
        closed = true;
        if (current) {
          current.decoder.end();
          this.release(current.decoder, current.kind);
          current = undefined;
        }
      },
    };
  }

  async close(): Promise<void> {
    for (const d of this.all.splice(0)) d.free();
    this.idle.first.length = 0;
    this.idle.full.length = 0;
  }

  private borrow(kind: Kind): Decoder {
    const argv = this.decoderSettings()[kind];
    // Decoders of one engine (one thread: never two calls into the library at once) share the
    // first one's language model.
    const decoder =
      this.idle[kind].pop() ?? Decoder.create(this.modelDir, argv, { lmOf: this.all[0], vocabulary: this.vocabulary });
    if (!this.all.includes(decoder)) this.all.push(decoder);
    return decoder;
  }

  private decoderSettings(): { first: string[]; full: string[]; quick: boolean } {
    if (!this.settings) {
      const argvs = decoderArgvs(loadDecoderSettings(this.options.settingsFile));
      this.settings = { ...argvs, quick: argvs.first !== argvs.full };
    }
    return this.settings;
  }

  private release(decoder: Decoder, kind: Kind): void {
    this.idle[kind].push(decoder);
  }
}
