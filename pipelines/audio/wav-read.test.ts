import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { tempDir } from '../../test/audio/speech-fixtures.js';
import { openWavChannels } from './wav-read.js';
import { encodeWav } from './wav-write.js';

const tmp = tempDir();
afterAll(tmp.remove);

function file(name: string, bytes: Buffer): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function collect(frames: AsyncIterable<{ data: Int16Array }>): Promise<number[]> {
  const out: number[] = [];
  for await (const f of frames) out.push(...f.data);
  return out;
}

/** Rewrites one header field of a valid file to make it wrong in exactly one way. */
function patched(edit: (b: Buffer) => void): Buffer {
  const b = encodeWav(Int16Array.from([1, 2, 3, 4]), 16000);
  edit(b);
  return b;
}

describe('openWavChannels', () => {
  it('reads a mono file as one speaker, in frames of the requested length', async () => {
    const samples = Int16Array.from({ length: 1000 }, (_, i) => i - 500);
    const [only, ...rest] = await openWavChannels(file('mono.wav', encodeWav(samples, 8000)), { frameMs: 10 });
    expect(rest).toHaveLength(0);
    expect(only!.format).toMatchObject({ sampleRate: 8000, channels: 1, durationMs: 125 });
    const frames = [];
    for await (const f of only!.frames) frames.push(f);
    expect(frames[0]!.data).toHaveLength(80);
    expect(frames.flatMap((f) => [...f.data])).toEqual([...samples]);
  });

  it('splits a stereo file into one stream per channel', async () => {
    const interleaved = Int16Array.from([1, -1, 2, -2, 3, -3]);
    const channels = await openWavChannels(file('stereo.wav', encodeWav(interleaved, 16000, 2)));
    expect(channels.map((c) => c.channel)).toEqual([0, 1]);
    expect(await collect(channels[0]!.frames)).toEqual([1, 2, 3]);
    expect(await collect(channels[1]!.frames)).toEqual([-1, -2, -3]);
  });

  it('skips unknown chunks before the samples', async () => {
    const plain = encodeWav(Int16Array.from([5, 6]), 16000);
    const list = Buffer.concat([
      Buffer.from('LIST', 'latin1'),
      Buffer.from([3, 0, 0, 0]),
      Buffer.from('abc\0', 'latin1'),
    ]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    const [only] = await openWavChannels(file('list.wav', withList));
    expect(await collect(only!.frames)).toEqual([5, 6]);
  });

  const cases: [string, Buffer, RegExp][] = [
    ['empty.wav', Buffer.alloc(0), /too short to be a WAV file \(0 bytes\)/],
    ['id3.wav', Buffer.from('ID3\x04 some mp3 data here', 'latin1'), /not a WAV file: it starts with "ID3/],
    ['rifx.wav', patched((b) => b.write('RIFX', 0, 'latin1')), /big-endian/],
    [
      'float.wav',
      patched((b) => b.writeUInt16LE(3, 20)),
      /IEEE float; only 16-bit PCM is supported: convert it with `sox/,
    ],
    ['alaw.wav', patched((b) => b.writeUInt16LE(6, 20)), /A-law/],
    ['24bit.wav', patched((b) => b.writeUInt16LE(24, 34)), /24-bit PCM; only 16-bit/],
    ['zero-channels.wav', patched((b) => b.writeUInt16LE(0, 22)), /zero channels/],
    ['zero-rate.wav', patched((b) => b.writeUInt32LE(0, 24)), /sample rate 0 Hz is out of range/],
    [
      'truncated.wav',
      patched((b) => b.writeUInt32LE(4000, 40)),
      /truncated: the data chunk declares 4000 bytes but only 8 follow/,
    ],
    ['header-only.wav', encodeWav(new Int16Array(0), 16000).subarray(0, 36), /no "data" chunk/],
    ['no-fmt.wav', Buffer.from('RIFF\x04\0\0\0WAVE', 'latin1'), /no "fmt " chunk/],
  ];
  it.each(cases)('rejects %s with a message naming the file and the problem', async (name, bytes, message) => {
    const path = file(name, bytes);
    const err = await openWavChannels(path).catch((e: unknown) => e);
    expect(isKefuError(err, 'INPUT_INVALID')).toBe(true);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toMatch(message);
  });

  it('says NOT_FOUND for a missing file', async () => {
    const err = await openWavChannels(join(tmp.dir, 'nope.wav')).catch((e: unknown) => e);
    expect(isKefuError(err, 'NOT_FOUND')).toBe(true);
    expect((err as Error).message).toMatch(/nope\.wav: no such audio file/);
  });
});
