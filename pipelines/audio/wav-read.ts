import { open, type FileHandle } from 'node:fs/promises';
import { KefuError } from '../../core/errors.js';
import type { PcmFrame } from './frame.js';

export interface WavFormat {
  sampleRate: number;
  channels: number;
  /** Byte offset and length of the samples in the file. */
  dataOffset: number;
  dataBytes: number;
  durationMs: number;
}

/** One channel of a WAV file: in Kefu's recordings, one speaker. */
export interface WavChannelStream {
  channel: number;
  format: WavFormat;
  frames: AsyncIterable<PcmFrame>;
}

const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;
const FORMAT_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  3: 'IEEE float',
  6: 'A-law',
  7: 'µ-law',
  85: 'MP3',
};
const UNKNOWN_LENGTH = 0xffffffff;
const CONVERT_HINT = 'convert it with `sox IN -b 16 -e signed-integer OUT.wav`';

/**
 * Opens a 16-bit PCM WAV file and returns one frame stream per channel (a mono file is one
 * speaker; a stereo call recording has one speaker per channel). Each stream reads the file
 * lazily, so an hour-long call is never held in memory.
 */
export async function openWavChannels(path: string, options: { frameMs?: number } = {}): Promise<WavChannelStream[]> {
  const format = await readWavFormat(path);
  const frameSamples = Math.max(1, Math.round((format.sampleRate * (options.frameMs ?? 20)) / 1000));
  return Array.from({ length: format.channels }, (_, channel) => ({
    channel,
    format,
    frames: { [Symbol.asyncIterator]: () => readChannel(path, format, channel, frameSamples) },
  }));
}

export async function readWavFormat(path: string): Promise<WavFormat> {
  const file = await openFile(path);
  try {
    const { size } = await file.stat();
    return await parseWavFormat(size, (pos, len) => readAt(file, pos, len), path);
  } finally {
    await file.close();
  }
}

/** Walks the RIFF chunks; `read` returns up to `len` bytes at `pos` (fewer at end of file). */
export async function parseWavFormat(
  size: number,
  read: (pos: number, len: number) => Promise<Buffer>,
  path: string,
): Promise<WavFormat> {
  const bad = (what: string) => new KefuError('INPUT_INVALID', `${path}: ${what}`);
  const head = await read(0, 12);
  if (head.length < 12) throw bad(`too short to be a WAV file (${size} bytes)`);
  const riff = head.toString('latin1', 0, 4);
  if (riff === 'RIFX') throw bad(`big-endian WAV (RIFX) is not supported; ${CONVERT_HINT}`);
  if (riff !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') {
    throw bad(`not a WAV file: it starts with ${JSON.stringify(head.toString('latin1', 0, 4))}, expected "RIFF…WAVE"`);
  }
  let fmt: { sampleRate: number; channels: number } | undefined;
  for (let pos = 12; pos + 8 <= size; ) {
    const chunk = await read(pos, 8);
    const id = chunk.toString('latin1', 0, 4);
    const length = chunk.readUInt32LE(4);
    const body = pos + 8;
    if (id === 'fmt ') fmt = parseFmt(await read(body, Math.min(length, 40)), length, bad);
    if (id === 'data') {
      if (!fmt) throw bad('the "data" chunk comes before any "fmt " chunk');
      const available = size - body;
      const dataBytes = length === UNKNOWN_LENGTH ? available : length;
      if (dataBytes > available) {
        throw bad(`truncated: the data chunk declares ${dataBytes} bytes but only ${available} follow`);
      }
      const blockAlign = 2 * fmt.channels;
      const whole = dataBytes - (dataBytes % blockAlign);
      if (whole === 0) throw bad('holds no audio samples (the data chunk is empty)');
      await checkTrailer(body + dataBytes + (dataBytes % 2), size, read, (what) =>
        bad(`the data chunk declares ${dataBytes} bytes, but ${what}`),
      );
      return {
        ...fmt,
        dataOffset: body,
        dataBytes: whole,
        durationMs: Math.round((whole / blockAlign / fmt.sampleRate) * 1000),
      };
    }
    pos = body + length + (length % 2);
  }
  throw bad(fmt ? 'no "data" chunk (the file may be truncated)' : 'no "fmt " chunk (the file may be truncated)');
}

/**
 * What follows the samples must be whole RIFF chunks (LIST, id3…): audio bytes there mean the header
 * under-states the data size, and reading only what it declares would silently drop the call's end.
 */
async function checkTrailer(
  pos: number,
  size: number,
  read: (pos: number, len: number) => Promise<Buffer>,
  bad: (what: string) => KefuError,
): Promise<void> {
  while (pos < size) {
    const chunk = await read(pos, 8);
    if (chunk.length < 8) throw bad(`${size - pos} stray bytes follow it`);
    const id = chunk.toString('latin1', 0, 4);
    const length = chunk.readUInt32LE(4);
    if (!/^[\x20-\x7e]{4}$/.test(id) || pos + 8 + length > size) {
      throw bad(`${size - pos} more bytes follow it that are not a RIFF chunk (is the header's size stale?)`);
    }
    pos += 8 + length + (length % 2);
  }
}

function parseFmt(b: Buffer, length: number, bad: (what: string) => KefuError) {
  if (length < 16 || b.length < 16) throw bad(`the "fmt " chunk is ${b.length} bytes, expected at least 16`);
  let format = b.readUInt16LE(0);
  if (format === FORMAT_EXTENSIBLE && b.length >= 26) format = b.readUInt16LE(24);
  const channels = b.readUInt16LE(2);
  const sampleRate = b.readUInt32LE(4);
  const byteRate = b.readUInt32LE(8);
  const blockAlign = b.readUInt16LE(12);
  const bits = b.readUInt16LE(14);
  if (format !== FORMAT_PCM) {
    const name = FORMAT_NAMES[format] ?? `format code ${format}`;
    throw bad(`samples are ${name}; only 16-bit PCM is supported: ${CONVERT_HINT}`);
  }
  if (bits !== 16) throw bad(`samples are ${bits}-bit PCM; only 16-bit is supported: ${CONVERT_HINT}`);
  if (channels === 0) throw bad('the "fmt " chunk declares zero channels');
  if (sampleRate < 4000 || sampleRate > 384_000) throw bad(`sample rate ${sampleRate} Hz is out of range`);
  if (blockAlign !== 2 * channels || byteRate !== sampleRate * blockAlign) {
    throw bad(
      `the header disagrees with itself: ${sampleRate} Hz × ${channels} channel(s) × 2 bytes needs ${sampleRate * 2 * channels} bytes/s and blocks of ${2 * channels}, it declares ${byteRate} and ${blockAlign}`,
    );
  }
  return { sampleRate, channels };
}

async function* readChannel(path: string, format: WavFormat, channel: number, frameSamples: number) {
  const file = await openFile(path);
  try {
    const blockAlign = 2 * format.channels;
    const end = format.dataOffset + format.dataBytes;
    for (let pos = format.dataOffset; pos < end; ) {
      const bytes = await readAt(file, pos, Math.min(frameSamples * blockAlign, end - pos));
      const samples = Math.floor(bytes.length / blockAlign);
      if (samples === 0) throw new KefuError('INPUT_INVALID', `${path}: the file shrank while being read`);
      const data = new Int16Array(samples);
      for (let i = 0; i < samples; i++) data[i] = bytes.readInt16LE(i * blockAlign + channel * 2);
      yield { data, sampleRate: format.sampleRate, channels: 1 } satisfies PcmFrame;
      pos += samples * blockAlign;
    }
  } finally {
    await file.close();
  }
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KefuError('NOT_FOUND', `${path}: no such audio file`, { cause: err });
    throw new KefuError('INPUT_INVALID', `${path}: cannot read the audio file (${code ?? 'error'})`, { cause: err });
  }
}

async function readAt(file: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await file.read(buf, 0, len, pos);
  return buf.subarray(0, bytesRead);
}
