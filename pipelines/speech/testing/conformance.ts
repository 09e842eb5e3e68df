import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../../core/errors.js';
import { ENGINE_SAMPLE_RATE, type PcmFrame } from '../../audio/frame.js';
import { SttSegmentSchema, type SpokenLanguage, type SttEngine, type SttSegment } from '../contract.js';
import { wordErrors } from '../wer.js';

export interface ConformanceSetup {
  engine: SttEngine;
  /** 16 kHz mono speech of at least 1.5 s, and what is said in it. */
  speech: { samples: Int16Array; language: SpokenLanguage; text: string };
  /** Word error rate the engine must reach on `speech`. */
  maxWer: number;
  /** An engine of the same kind set up to fail (bad model path, endpoint down…). */
  failing?: () => SttEngine;
  teardown?: () => Promise<void>;
}

/** Feeds `samples` as 20 ms frames starting at stream time `atMs`, as the VAD would. */
export async function speak(
  engine: SttEngine,
  samples: Int16Array,
  language: SpokenLanguage,
  atMs = 0,
): Promise<SttSegment[]> {
  const segments: SttSegment[] = [];
  const stream = engine.openStream({ language, onSegment: (s) => segments.push(s) });
  try {
    await pushUtterance(stream, samples, atMs);
  } finally {
    await stream.close();
  }
  return segments;
}

async function pushUtterance(
  stream: { push(f: PcmFrame, at: number): void; endUtterance(): Promise<void> },
  samples: Int16Array,
  atMs: number,
) {
  const step = ENGINE_SAMPLE_RATE / 50;
  for (let i = 0; i < samples.length; i += step) {
    stream.push(
      { data: samples.subarray(i, i + step), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 },
      atMs + (i / ENGINE_SAMPLE_RATE) * 1000,
    );
  }
  await stream.endUtterance();
}

/** The behaviour every STT engine promises; each engine's test file runs it. */
export function describeSttConformance(label: string, setup: () => Promise<ConformanceSetup>): void {
  describe(`STT contract: ${label}`, () => {
    let s: ConformanceSetup;
    let durationMs: number;
    beforeAll(async () => {
      s = await setup();
      durationMs = (s.speech.samples.length / ENGINE_SAMPLE_RATE) * 1000;
    });
    afterAll(async () => {
      await s?.engine.close();
      await s?.teardown?.();
    });

    it('declares a name and the languages it serves', () => {
      expect(s.engine.name).toMatch(/\S/);
      expect(s.engine.capabilities.languages).toContain(s.speech.language);
    });

    it('emits one valid final segment per utterance, inside its audio, after any interims', async () => {
      const atMs = 5000;
      const segments = await speak(s.engine, s.speech.samples, s.speech.language, atMs);
      for (const seg of segments) expect(SttSegmentSchema.safeParse(seg).success).toBe(true);
      const finals = segments.filter((x) => x.final);
      expect(finals).toHaveLength(1);
      expect(segments.at(-1)).toBe(finals[0]);
      const final = finals[0]!;
      expect(final).toMatchObject({ engine: s.engine.name, language: s.speech.language });
      expect(final.startMs).toBeGreaterThanOrEqual(atMs);
      expect(final.endMs).toBeLessThanOrEqual(Math.ceil(atMs + durationMs));
      expect(wordErrors(s.speech.text, final.text).wer).toBeLessThanOrEqual(s.maxWer);
    });

    it('streams interim segments exactly when it claims partials', async () => {
      const interims = (await speak(s.engine, s.speech.samples, s.speech.language)).filter((x) => !x.final);
      if (s.engine.capabilities.partials) expect(interims.length).toBeGreaterThan(0);
      else expect(interims).toHaveLength(0);
    });

    it('keeps utterances of one stream apart and emits nothing for an empty one', async () => {
      const segments: SttSegment[] = [];
      const stream = s.engine.openStream({ language: s.speech.language, onSegment: (x) => segments.push(x) });
      await stream.endUtterance();
      await pushUtterance(stream, s.speech.samples, 0);
      await pushUtterance(stream, s.speech.samples, 60_000);
      await stream.close();
      const finals = segments.filter((x) => x.final);
      expect(finals).toHaveLength(2);
      expect(finals[0]!.endMs).toBeLessThanOrEqual(Math.ceil(durationMs));
      expect(finals[1]!.startMs).toBeGreaterThanOrEqual(60_000);
      expect(finals[1]!.startMs - 60_000).toBeLessThan(finals[0]!.startMs + 500);
      expect(finals[1]!.endMs).toBeLessThanOrEqual(Math.ceil(60_000 + durationMs));
    });

    it('serves two speakers at once without mixing them up', async () => {
      const a: SttSegment[] = [];
      const b: SttSegment[] = [];
      const sa = s.engine.openStream({ language: s.speech.language, onSegment: (x) => a.push(x) });
      const sb = s.engine.openStream({ language: s.speech.language, onSegment: (x) => b.push(x) });
      const half = s.speech.samples.length / 2;
      sa.push({ data: s.speech.samples.subarray(0, half), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 }, 0);
      await sb.endUtterance();
      sa.push(
        { data: s.speech.samples.subarray(half), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 },
        (half / ENGINE_SAMPLE_RATE) * 1000,
      );
      await sa.endUtterance();
      await Promise.all([sa.close(), sb.close()]);
      expect(a.filter((x) => x.final)).toHaveLength(1);
      expect(b).toHaveLength(0);
    });

    it('reports failures as KefuErrors that say whether a retry could help', async () => {
      if (!s.failing) return;
      const err = await speak(s.failing(), s.speech.samples, s.speech.language).catch((e: unknown) => e);
      expect(isKefuError(err)).toBe(true);
      expect(typeof (err as { retryable: unknown }).retryable).toBe('boolean');
    });
  });
}
