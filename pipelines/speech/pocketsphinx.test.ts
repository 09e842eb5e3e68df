import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { readSamples, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import { DECODER_SETTINGS_FILE, loadDecoderSettings } from './decoder-settings.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { describeSttConformance, speak } from './testing/conformance.js';

const tmp = tempDir();
afterAll(tmp.remove);
const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

describeSttConformance('pocketsphinx', async () => {
  const text = 'I would like a refund for the broken blender.';
  return {
    engine: new PocketSphinxEngine(),
    speech: { samples: readSamples(synthesize(text, join(tmp.dir, 'conformance.wav'))), language: 'en', text },
    maxWer: 0.5,
    failing: () => new PocketSphinxEngine({ modelDir: join(tmp.dir, 'no-model-here') }),
  };
});

// The service-call vocabulary (decision 0700) through the same contract; the line is not in its text.
describeSttConformance('pocketsphinx, service-call vocabulary', async () => {
  const text = 'I would like a refund for the broken blender.';
  return {
    engine: new PocketSphinxEngine({ vocabulary: 'service-calls' }),
    speech: { samples: readSamples(synthesize(text, join(tmp.dir, 'conformance.wav'))), language: 'en', text },
    maxWer: 0.5,
    failing: () => new PocketSphinxEngine({ modelDir: join(tmp.dir, 'no-model-here'), vocabulary: 'service-calls' }),
  };
});

/** Longest common subsequence length: digits heard in order, tolerating misses and extras. */
function inOrder(expected: string[], heard: string[]): number {
  let prev = new Array<number>(heard.length + 1).fill(0);
  for (const e of expected) {
    const row = [0];
    heard.forEach((h, j) => row.push(e === h ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!)));
    prev = row;
  }
  return prev[heard.length]!;
}

describe('PocketSphinxEngine', () => {
  const engine = new PocketSphinxEngine();
  afterAll(() => engine.close());

  it('hears an order number read digit by digit in a generated English complaint', async () => {
    const orderDigits = ['four', 'seven', 'two', 'nine', 'one', 'eight', 'three'];
    const text = `Hello, I am calling about order number ${orderDigits.join(' ')}. The blender arrived broken and I want a refund.`;
    const segments = await speak(engine, readSamples(synthesize(text, join(tmp.dir, 'complaint.wav'))), 'en');
    const final = segments.find((s) => s.final)!;
    const words = final.text.split(' ');
    expect(
      inOrder(
        orderDigits,
        words.filter((w) => DIGITS.includes(w)),
      ),
    ).toBeGreaterThanOrEqual(5);
    expect(words).toEqual(expect.arrayContaining(['number', 'refund']));
    expect(final.confidence).toBeGreaterThan(0.3);
    expect(segments.filter((s) => !s.final).length).toBeGreaterThan(3);
  });

  it('ends a line without numbers on the quick search and moves one reading a number to the full search', async () => {
    // flatPass numbers (settings v4): the flat pass only where digits are read out.
    const shipped = JSON.parse(readFileSync(DECODER_SETTINGS_FILE, 'utf8')) as Record<string, unknown>;
    const settingsFile = join(tmp.dir, 'numbers.json');
    writeFileSync(settingsFile, JSON.stringify({ ...shipped, flatPass: 'numbers' }));
    const quick = new PocketSphinxEngine({ settingsFile });
    try {
      const plain = await speak(
        quick,
        readSamples(synthesize('The headphones arrived broken.', join(tmp.dir, 'q1.wav'))),
        'en',
      );
      expect(plain.find((s) => s.final)!.text).toMatch(/headphones.*broken/);
      expect(quick.ended).toEqual({ quick: 1, full: 0 });
      const orderDigits = ['seven', 'seven', 'three', 'one', 'nine', 'zero', 'eight', 'eight', 'five', 'two'];
      const text = `Hello, my order number is ${orderDigits.join(', ')}.`;
      const read = await speak(quick, readSamples(synthesize(text, join(tmp.dir, 'q2.wav'))), 'en');
      const words = read.find((s) => s.final)!.text.split(' ');
      expect(
        inOrder(
          orderDigits,
          words.filter((w) => DIGITS.includes(w)),
        ),
      ).toBeGreaterThanOrEqual(7);
      expect(quick.ended).toEqual({ quick: 1, full: 1 });
    } finally {
      await quick.close();
    }
  });

  it('says which Debian package provides a missing model', () => {
    const bad = new PocketSphinxEngine({ modelDir: '/nonexistent' });
    const err = (() => {
      try {
        bad.warmUp();
      } catch (e) {
        return e;
      }
    })();
    expect(isKefuError(err)).toBe(true);
    expect((err as Error).message).toMatch(/\/nonexistent.*apt-get install libpocketsphinx3 pocketsphinx-en-us/);
  });

  it('checks its library and model without loading a decoder', () => {
    const anon = () => Number(/^Anonymous:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))?.[1]);
    const before = anon();
    new PocketSphinxEngine().check();
    // A decoder is ~90 MB of model in native memory; the check reads file names only.
    expect(anon() - before).toBeLessThan(20_000);
    expect(() => new PocketSphinxEngine({ modelDir: '/nonexistent' }).check()).toThrow(
      /model incomplete in \/nonexistent .*apt-get install libpocketsphinx3 pocketsphinx-en-us/,
    );
  });

  it('loads at warm-up as many decoders as asked, and two speakers at once then load no more', async () => {
    const warmed = new PocketSphinxEngine({ warmDecoders: 2 });
    try {
      warmed.warmUp();
      // Two that utterances start on, and with flatPass numbers one with the flat pass for those reading a number.
      const expected = loadDecoderSettings().flatPass === 'numbers' ? 3 : 2;
      expect(warmed.decoders).toBe(expected);
      const frame = { data: new Int16Array(320), sampleRate: 16_000, channels: 1 as const };
      const [a, b] = [0, 1].map(() => warmed.openStream({ language: 'en', onSegment: () => {} }));
      a!.push(frame, 0);
      b!.push(frame, 0);
      await Promise.all([a!.endUtterance(), b!.endUtterance()]);
      expect(warmed.decoders).toBe(expected);
      await Promise.all([a!.close(), b!.close()]);
    } finally {
      await warmed.close();
    }
  });

  it('refuses languages it has no model for', () => {
    expect(() => engine.openStream({ language: 'zh', onSegment: () => {} })).toThrow(/no zh model/);
  });
});
