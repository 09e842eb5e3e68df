import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { readSamples, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
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
  it('hears what the same engine hears in-process, with streams spread over its threads', async () => {
    const samples = readSamples(synthesize('Where is my parcel? It is a week late.', join(tmp.dir, 'late.wav')));
    const local = new PocketSphinxEngine();
    const pool = await new RecognizerPool({ kind: 'pocketsphinx' }, { threads: 2 }).start();
    try {
      const expected = (await speak(local, samples, 'en')).filter((s) => s.final);
      const opened = [pool.openStream({ language: 'en', onSegment: () => {} })];
      opened.push(pool.openStream({ language: 'en', onSegment: () => {} }));
      // Two streams open: one on each thread, so a third call's stream would go to the emptier one.
      expect(pool.load).toEqual([1, 1]);
      const [a, b] = await Promise.all([speak(pool, samples, 'en'), speak(pool, samples, 'en')]);
      for (const heard of [a, b]) expect(heard.filter((s) => s.final)).toEqual(expected);
      await Promise.all(opened.map((s) => s.close()));
      expect(pool.load).toEqual([0, 0]);
    } finally {
      await Promise.all([pool.close(), local.close()]);
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
