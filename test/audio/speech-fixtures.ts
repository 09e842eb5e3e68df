/**
 * Test speech made at test time with Debian's flite / espeak-ng and sox, so no audio is committed.
 * A missing program fails loudly with the apt package to install: CI installs them, and a
 * silently skipped speech test would hide a broken pipeline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../../pipelines/audio/wav-write.js';

const APT: Record<string, string> = {
  flite: 'flite',
  'espeak-ng': 'espeak-ng',
  sox: 'sox',
};

export function requireProgram(name: keyof typeof APT): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${name} is not installed: apt-get install ${APT[name]} (tests generate speech with it)`);
  }
}

export function tempDir(prefix = 'kefu-audio-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Voice = 'flite-slt' | 'espeak-en' | 'espeak-zh';

/** Speaks `text` into a 16 kHz mono 16-bit WAV with leading/trailing silence trimmed. */
export function synthesize(text: string, out: string, voice: Voice = 'flite-slt'): string {
  const raw = `${out}.raw.wav`;
  if (voice === 'flite-slt') {
    requireProgram('flite');
    execFileSync('flite', ['-voice', 'slt', '-t', text, '-o', raw]);
  } else {
    requireProgram('espeak-ng');
    execFileSync('espeak-ng', ['-v', voice === 'espeak-zh' ? 'cmn' : 'en-us', '-w', raw, text]);
  }
  requireProgram('sox');
  execFileSync('sox', [
    raw,
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    out,
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
  ]);
  rmSync(raw);
  return out;
}

/** Converts with sox, e.g. to 44.1 kHz stereo, to exercise resampling on real speech. */
export function convert(input: string, out: string, rate: number, channels = 1): string {
  requireProgram('sox');
  execFileSync('sox', [input, '-r', String(rate), '-c', String(channels), '-b', '16', out]);
  return out;
}

/** Samples of a 16-bit PCM WAV written by sox/flite (canonical 44-byte header assumed). */
export function readSamples(path: string): Int16Array {
  const buf = readFileSync(path);
  const dataAt = buf.indexOf('data', 12, 'latin1') + 8;
  return new Int16Array(
    buf.buffer.slice(buf.byteOffset + dataAt, buf.byteOffset + buf.length - ((buf.length - dataAt) % 2)),
  );
}

export type Piece = { speech: string } | { silenceMs: number };

/**
 * Lays speech and silences end to end at 16 kHz with faint noise (digital silence would make
 * VAD too easy) and returns where each spoken piece really starts and ends.
 */
export function composeSpeech(
  pieces: Piece[],
  out: string,
  noise = 40,
): { path: string; spans: { startMs: number; endMs: number }[] } {
  const parts: Int16Array[] = [];
  const spans: { startMs: number; endMs: number }[] = [];
  let at = 0;
  for (const piece of pieces) {
    const samples = 'speech' in piece ? readSamples(piece.speech) : new Int16Array(Math.round(piece.silenceMs * 16));
    if ('speech' in piece) spans.push({ startMs: at / 16, endMs: (at + samples.length) / 16 });
    parts.push(samples);
    at += samples.length;
  }
  const all = new Int16Array(at);
  let pos = 0;
  for (const p of parts) {
    all.set(p, pos);
    pos += p.length;
  }
  let seed = 7;
  for (let i = 0; i < all.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    all[i] = Math.max(-32768, Math.min(32767, all[i]! + ((seed / 0x7fffffff) * 2 - 1) * noise));
  }
  writeFileSync(out, encodeWav(all, 16000));
  return { path: out, spans };
}

/** Two mono files as the left and right channels of one call recording. */
export function mergeStereo(left: string, right: string, out: string, rate = 16_000): string {
  requireProgram('sox');
  execFileSync('sox', ['-M', left, right, '-r', String(rate), '-b', '16', out]);
  return out;
}
