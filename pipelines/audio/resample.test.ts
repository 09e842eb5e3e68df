import { describe, expect, it } from 'vitest';
import type { PcmFrame } from './frame.js';
import { Resampler, resampleFrames, toMono } from './resample.js';

function tone(hz: number, rate: number, seconds: number, amplitude = 10_000): Int16Array {
  return Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)),
  );
}

function rms(x: Int16Array): number {
  const body = x.subarray(Math.floor(x.length * 0.1), Math.floor(x.length * 0.9));
  return Math.sqrt(body.reduce((s, v) => s + v * v, 0) / body.length);
}

/** Dominant frequency by counting rising zero crossings. */
function frequency(x: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1]! < 0 && x[i]! >= 0) crossings++;
  return (crossings * rate) / x.length;
}

function run(input: Int16Array, from: number, to: number, chunk = input.length): Int16Array {
  const r = new Resampler(from, to);
  const parts: number[] = [];
  for (let i = 0; i < input.length; i += chunk) parts.push(...r.process(input.subarray(i, i + chunk)));
  parts.push(...r.flush());
  return Int16Array.from(parts);
}

describe('Resampler', () => {
  it.each([
    [48_000, 16_000],
    [44_100, 16_000],
    [8_000, 16_000],
    [22_050, 16_000],
  ])('%i Hz → %i Hz keeps length, pitch and loudness of a 440 Hz tone', (from, to) => {
    const out = run(tone(440, from, 1), from, to);
    expect(out.length).toBe(Math.ceil(from * (to / from)));
    expect(frequency(out, to)).toBeCloseTo(440, -1);
    expect(rms(out) / (10_000 / Math.SQRT2)).toBeGreaterThan(0.95);
    expect(rms(out) / (10_000 / Math.SQRT2)).toBeLessThan(1.05);
  });

  it('removes content above the new Nyquist frequency instead of folding it into speech', () => {
    const out = run(tone(11_000, 48_000, 1), 48_000, 16_000);
    expect(rms(out)).toBeLessThan(10_000 * 0.02);
  });

  it('gives the same samples whether fed whole or in small chunks', () => {
    const input = tone(300, 44_100, 0.5);
    expect([...run(input, 44_100, 16_000, 441)]).toEqual([...run(input, 44_100, 16_000)]);
  });

  it('passes audio already at the target rate through unchanged', () => {
    const input = tone(300, 16_000, 0.1);
    expect(run(input, 16_000, 16_000)).toEqual(input);
  });
});

describe('resampleFrames', () => {
  it('downmixes to mono and converts every frame to 16 kHz', async () => {
    async function* frames(): AsyncGenerator<PcmFrame> {
      for (let i = 0; i < 10; i++) yield { data: new Int16Array(960).fill(1000), sampleRate: 48_000, channels: 2 };
    }
    let total = 0;
    for await (const f of resampleFrames(frames())) {
      expect(f).toMatchObject({ sampleRate: 16_000, channels: 1 });
      total += f.data.length;
    }
    expect(total).toBe(1600);
  });

  it('averages channels', () => {
    expect([...toMono({ data: Int16Array.from([100, 300, -50, 50]), sampleRate: 8000, channels: 2 })]).toEqual([
      200, 0,
    ]);
  });
});
