import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { readSamples, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import type { SttStream } from './contract.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { RecognizerPool } from './recognizer-pool.js';
import { describeSttConformance, speak } from './testing/conformance.js';

const tmp = tempDir();
afterAll(tmp.remove);

describeSttConformance('pocketsphinx in a recognition pool', async () => {
  const text = 'I would like a refund for the broken blender.';
  return {
    engine: await new RecognizerPool({ kind: 'pocketsphinx' }, { threads: 2 }).start(),
    speech: { samples: readSamples(synthesize(text, join(tmp.dir, 'conformance.wav'))), language: 'en', text },
    maxWer: 0.5,
    failing: () =>
      new RecognizerPool({ kind: 'pocketsphinx', modelDir: join(tmp.dir, 'no-model-here') }, { threads: 1 }),
  };
});

describe('RecognizerPool', () => {
  it('hears what the same engine hears in-process, with utterances spread over its threads', async () => {
    const samples = readSamples(synthesize('Where is my parcel? It is a week late.', join(tmp.dir, 'late.wav')));
    const local = new PocketSphinxEngine();
    const pool = await new RecognizerPool({ kind: 'pocketsphinx' }, { threads: 2 }).start();
    try {
      const expected = (await speak(local, samples, 'en')).filter((s) => s.final);
      const [a, b] = await Promise.all([speak(pool, samples, 'en'), speak(pool, samples, 'en')]);
      for (const heard of [a, b]) expect(heard.filter((s) => s.final)).toEqual(expected);
      expect(pool.load).toEqual([0, 0]);
    } finally {
      await Promise.all([pool.close(), local.close()]);
    }
  });

  it('places each utterance on the least busy thread, whichever streams opened first', async () => {
    const pool = await new RecognizerPool({ kind: 'pocketsphinx' }, { threads: 2 }).start();
    const frame = { data: new Int16Array(320), sampleRate: 16_000, channels: 1 as const };
    try {
      // Two calls, each opening its customer's stream, then its merchant's.
      const [customerA, merchantA, customerB, merchantB] = [0, 1, 2, 3].map(() =>
        pool.openStream({ language: 'en', onSegment: () => {} }),
      );
      customerA!.push(frame, 0);
      customerB!.push(frame, 0);
      // Both customers speak at once: one on each thread, not both on the thread their streams opened on.
      expect(pool.load).toEqual([1, 1]);
      await customerA!.endUtterance();
      merchantB!.push(frame, 0);
      expect(pool.load).toEqual([1, 1]);
      await Promise.all([customerB!.endUtterance(), merchantB!.endUtterance()]);
      merchantA!.push(frame, 0);
      expect(pool.load.reduce((x, y) => x + y)).toBe(1);
      await Promise.all([customerA, merchantA, customerB, merchantB].map((s) => s!.close()));
      expect(pool.load).toEqual([0, 0]);
    } finally {
      await pool.close();
    }
  });

  it("keeps a stream's next utterance on the thread still ending its last one, so its finals stay in order", async () => {
    const first = readSamples(synthesize('My order is late.', join(tmp.dir, 'first.wav')));
    const second = readSamples(synthesize('Please send a refund.', join(tmp.dir, 'second.wav')));
    const pool = await new RecognizerPool({ kind: 'pocketsphinx' }, { threads: 2 }).start();
    const finals: { text: string; startMs: number }[] = [];
    const push = (stream: SttStream, samples: Int16Array, atMs: number) => {
      for (let i = 0; i < samples.length; i += 320)
        stream.push({ data: samples.subarray(i, i + 320), sampleRate: 16_000, channels: 1 }, atMs + i / 16);
    };
    try {
      const stream = pool.openStream({ language: 'en', onSegment: (s) => s.final && finals.push(s) });
      push(stream, first, 0);
      const ending = stream.endUtterance();
      push(stream, second, 10_000);
      // The least busy thread is the other one; the second utterance waits behind the first's end instead.
      expect(pool.load).toEqual([2, 0]);
      await Promise.all([ending, stream.endUtterance()]);
      await stream.close();
      expect(finals.map((f) => f.startMs < 10_000)).toEqual([true, false]);
      expect(finals[0]!.text).toMatch(/late/);
      expect(finals[1]!.text).toMatch(/refund/);
    } finally {
      await pool.close();
    }
  });

  it('names the missing model when its threads cannot load it', async () => {
    const pool = new RecognizerPool({ kind: 'pocketsphinx', modelDir: '/nonexistent' }, { threads: 1 });
    const err = await pool.start().catch((e: unknown) => e);
    await pool.close();
    expect(isKefuError(err, 'STT_UNAVAILABLE')).toBe(true);
    expect((err as Error).message).toMatch(/\/nonexistent.*apt-get install/);
  });
});
