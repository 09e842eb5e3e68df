import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { tempDir } from '../../test/audio/speech-fixtures.js';
import { openAudioChannels } from './decode.js';
import { encodeWav } from './wav-write.js';

const tmp = tempDir();
afterAll(tmp.remove);
const path = (name: string) => join(tmp.dir, name);

/** 0.5 s of a 440 Hz tone on the left and silence on the right, at 16 kHz: easy to tell apart after any codec. */
const RATE = 16_000;
const LEFT = Int16Array.from({ length: RATE / 2 }, (_, i) =>
  Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE)),
);
const stereo = new Int16Array(LEFT.length * 2);
LEFT.forEach((v, i) => {
  stereo[2 * i] = v;
});
const source = path('source.wav');
writeFileSync(source, encodeWav(stereo, RATE, 2));

function ffmpeg(out: string, ...codec: string[]): string {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', source, ...codec, path(out)]);
  return path(out);
}

async function samples(frames: AsyncIterable<{ data: Int16Array }>): Promise<Int16Array> {
  const parts: number[] = [];
  for await (const f of frames) for (const v of f.data) parts.push(v);
  return Int16Array.from(parts);
}

const rms = (a: Int16Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / Math.max(1, a.length));

async function expectInvalid(file: string, words: RegExp) {
  const err = await openAudioChannels(file)
    .then(async (channels) => {
      for (const c of channels) await samples(c.frames);
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(isKefuError(err, 'INPUT_INVALID'), String(err)).toBe(true);
  expect((err as Error).message).toContain(file);
  expect((err as Error).message).toMatch(words);
}

describe('openAudioChannels', () => {
  it.each([
    ['32-bit integer WAV', 's32.wav', ['-c:a', 'pcm_s32le']],
    ['24-bit WAV', 's24.wav', ['-c:a', 'pcm_s24le']],
    ['float WAV', 'f32.wav', ['-c:a', 'pcm_f32le']],
    ['FLAC', 'call.flac', ['-c:a', 'flac']],
  ])('decodes a %s sample for sample', async (_, name, codec) => {
    const channels = await openAudioChannels(ffmpeg(name, ...codec));
    expect(channels.map((c) => c.format)).toMatchObject([
      { sampleRate: RATE, channels: 2 },
      { sampleRate: RATE, channels: 2 },
    ]);
    expect([...(await samples(channels[0]!.frames))]).toEqual([...LEFT]);
    expect(rms(await samples(channels[1]!.frames))).toBe(0);
  });

  it.each([
    ['8-bit WAV', 'u8.wav', ['-c:a', 'pcm_u8'], 16_000],
    ['A-law WAV', 'alaw.wav', ['-c:a', 'pcm_alaw'], 16_000],
    ['mp3', 'call.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k'], 16_000],
    ['m4a (AAC)', 'call.m4a', ['-c:a', 'aac', '-b:a', '64k'], 16_000],
    ['Ogg Opus', 'call.ogg', ['-c:a', 'libopus'], 48_000],
    ['WebM Opus', 'call.webm', ['-c:a', 'libopus'], 48_000],
  ])('decodes a lossy %s: both channels, the tone on the left only', async (_, name, codec, rate) => {
    const channels = await openAudioChannels(ffmpeg(name, ...codec));
    expect(channels).toHaveLength(2);
    expect(channels[0]!.format.sampleRate).toBe(rate);
    const left = await samples(channels[0]!.frames);
    const right = await samples(channels[1]!.frames);
    // Codecs pad and trim a little; the length stays within 60 ms of half a second.
    expect(Math.abs(left.length / rate - 0.5)).toBeLessThan(0.06);
    expect(rms(left)).toBeGreaterThan(0.5 * rms(LEFT));
    expect(rms(right)).toBeLessThan(0.05 * rms(LEFT));
  });

  it('reads 16-bit PCM WAV itself, lazily, in frames of the requested length', async () => {
    const channels = await openAudioChannels(source, { frameMs: 10 });
    expect(channels[0]!.format.codec).toBe('pcm_s16le');
    const first = await channels[0]!.frames[Symbol.asyncIterator]().next();
    expect(first.value?.data).toHaveLength(160);
  });

  it('refuses a file that is not audio, naming the file and the problem', async () => {
    const text = path('notes.mp3');
    writeFileSync(text, 'order 240611587736219, three apples rotten\n'.repeat(50));
    await expectInvalid(text, /cannot decode|no audio stream/);
  });

  it('refuses a WAV with no samples, a size the file contradicts, or a self-contradicting header', async () => {
    const good = encodeWav(LEFT, RATE);
    const headerOnly = path('header-only.wav');
    writeFileSync(headerOnly, encodeWav(new Int16Array(0), RATE));
    await expectInvalid(headerOnly, /no audio samples/);

    const understated = Buffer.from(good);
    understated.writeUInt32LE(1000, 40);
    writeFileSync(path('understated.wav'), understated);
    await expectInvalid(path('understated.wav'), /declares 1000 bytes.*not a RIFF chunk/);

    const overstated = Buffer.from(good);
    overstated.writeUInt32LE(good.length * 2, 40);
    writeFileSync(path('overstated.wav'), overstated);
    await expectInvalid(path('overstated.wav'), /truncated/);

    const wrongRate = Buffer.from(good);
    wrongRate.writeUInt32LE(8000, 24);
    writeFileSync(path('wrong-rate.wav'), wrongRate);
    await expectInvalid(path('wrong-rate.wav'), /header disagrees with itself/);
  });

  it('says which package to install when ffmpeg is missing', async () => {
    const mp3 = ffmpeg('missing-tool.mp3', '-c:a', 'libmp3lame');
    const saved = process.env.PATH;
    process.env.PATH = tmp.dir;
    try {
      const err = await openAudioChannels(mp3).catch((e: unknown) => e);
      expect(isKefuError(err, 'DECODER_UNAVAILABLE')).toBe(true);
      expect((err as Error).message).toMatch(/apt-get install ffmpeg/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
