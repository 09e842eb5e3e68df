import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { KefuError } from '../../core/errors.js';
import { decodeError, runTool } from './ffmpeg.js';
import type { PcmFrame } from './frame.js';
import { openWavChannels, type WavChannelStream } from './wav-read.js';

/** One channel of a recording, decoded to 16-bit PCM at its own sample rate: in Kefu, one speaker. */
export interface AudioChannelStream {
  channel: number;
  format: { sampleRate: number; channels: number; durationMs: number; codec: string };
  frames: AsyncIterable<PcmFrame>;
}

/**
 * Opens any recording people have — WAV of any sample format, mp3, m4a/aac, ogg/opus, webm — as
 * one frame stream per channel. 16-bit PCM WAV is read directly (no child process); everything else
 * is decoded by ffmpeg, after a full trial decode, so a file that is broken part-way is refused
 * before anything is stored.
 */
export async function openAudioChannels(
  path: string,
  options: { frameMs?: number } = {},
): Promise<AudioChannelStream[]> {
  if (await isPcm16Wav(path)) {
    const channels = await openWavChannels(path, options);
    return channels.map((c: WavChannelStream) => ({ ...c, format: { ...c.format, codec: 'pcm_s16le' } }));
  }
  const probe = await probeAudio(path);
  await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-i', path, '-map', '0:a:0', '-f', 'null', '-'], { label: path });
  const frameMs = options.frameMs ?? 20;
  return Array.from({ length: probe.channels }, (_, channel) => ({
    channel,
    format: probe,
    frames: { [Symbol.asyncIterator]: () => decodeChannel(path, probe, channel, frameMs) },
  }));
}

/** True for files the lazy WAV reader handles itself; its errors name what is wrong with them. */
async function isPcm16Wav(path: string): Promise<boolean> {
  const head = Buffer.alloc(64);
  const file = await open(path, 'r').catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') throw new KefuError('NOT_FOUND', `${path}: no such audio file`, { cause });
    throw new KefuError('INPUT_INVALID', `${path}: cannot read the audio file (${cause.code ?? 'error'})`, { cause });
  });
  try {
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    if (bytesRead === 0) throw new KefuError('INPUT_INVALID', `${path}: the file is empty`);
    if (bytesRead < 12 || head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') {
      return false;
    }
    // The first chunk is "fmt " in every WAV writer we know; anything else goes to the full reader.
    if (head.toString('latin1', 12, 16) !== 'fmt ' || bytesRead < 36) return true;
    const format = head.readUInt16LE(20);
    const bits = head.readUInt16LE(34);
    const extensiblePcm = format === 0xfffe && bytesRead >= 46 && head.readUInt16LE(44) === 1;
    return (format === 1 || extensiblePcm) && bits === 16;
  } finally {
    await file.close();
  }
}

interface Probe {
  sampleRate: number;
  channels: number;
  durationMs: number;
  codec: string;
}

async function probeAudio(path: string): Promise<Probe> {
  const out = await runTool(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'a:0',
      '-show_entries',
      'stream=codec_name,sample_rate,channels,duration',
      '-show_entries',
      'format=duration',
      '-of',
      'json',
      path,
    ],
    { label: path },
  );
  let parsed: {
    streams?: { codec_name?: string; sample_rate?: string; channels?: number; duration?: string }[];
    format?: { duration?: string };
  };
  try {
    parsed = JSON.parse(out.toString('utf8'));
  } catch {
    throw new KefuError('INPUT_INVALID', `${path}: ffprobe could not describe the file`);
  }
  const stream = parsed.streams?.[0];
  if (!stream) throw new KefuError('INPUT_INVALID', `${path}: the file has no audio stream`);
  const sampleRate = Number(stream.sample_rate);
  const channels = stream.channels ?? 0;
  if (!(sampleRate >= 4000 && sampleRate <= 384_000)) {
    throw new KefuError('INPUT_INVALID', `${path}: sample rate ${stream.sample_rate ?? 'unknown'} Hz is out of range`);
  }
  if (channels < 1) throw new KefuError('INPUT_INVALID', `${path}: the audio stream declares no channels`);
  const seconds = Number(stream.duration ?? parsed.format?.duration ?? 0);
  return {
    sampleRate,
    channels,
    durationMs: Math.round((Number.isFinite(seconds) ? seconds : 0) * 1000),
    codec: stream.codec_name ?? 'unknown',
  };
}

async function* decodeChannel(path: string, probe: Probe, channel: number, frameMs: number): AsyncGenerator<PcmFrame> {
  const frameBytes = 2 * Math.max(1, Math.round((probe.sampleRate * frameMs) / 1000));
  const child = spawn(
    'ffmpeg',
    [
      '-nostdin',
      '-v',
      'error',
      '-i',
      path,
      '-map',
      '0:a:0',
      '-af',
      `pan=mono|c0=c${channel}`,
      '-ar',
      String(probe.sampleRate),
      '-f',
      's16le',
      '-acodec',
      'pcm_s16le',
      '-',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  let pending: Buffer = Buffer.alloc(0);
  let samples = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= frameBytes) {
        yield toFrame(pending.subarray(0, frameBytes), probe.sampleRate);
        samples += frameBytes / 2;
        pending = pending.subarray(frameBytes);
      }
    }
    const whole = pending.length - (pending.length % 2);
    if (whole > 0) {
      yield toFrame(pending.subarray(0, whole), probe.sampleRate);
      samples += whole / 2;
    }
    const code = await exited;
    if (code !== 0) throw decodeError(path, Buffer.concat(stderr));
    if (samples === 0) throw new KefuError('INPUT_INVALID', `${path}: channel ${channel} holds no audio samples`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function toFrame(bytes: Buffer, sampleRate: number): PcmFrame {
  const data = new Int16Array(bytes.length / 2);
  for (let i = 0; i < data.length; i++) data[i] = bytes.readInt16LE(i * 2);
  return { data, sampleRate, channels: 1 };
}
