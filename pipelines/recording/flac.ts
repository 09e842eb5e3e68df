import { runTool } from '../audio/ffmpeg.js';

/**
 * Call audio is kept as FLAC: lossless, so what a moderator hears and what a test compares is
 * exactly what the speech engine heard (decision 0181); 58 % of raw PCM on speech with pauses (bench).
 */
export const RECORDING_CONTENT_TYPE = 'audio/flac';

/**
 * Encoded by sox (libFLAC): a segment every 5 s per speaker, so the encoder's start-up is most of
 * the cost, and sox starts in a sixth of ffmpeg's CPU time (bench: `npm run bench -- recording`).
 */
export async function encodeFlac(samples: Int16Array, sampleRate: number, label: string): Promise<Buffer> {
  const pcm = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  return runTool(
    'sox',
    ['-t', 'raw', '-r', String(sampleRate), '-e', 'signed', '-b', '16', '-c', '1', '-', '-t', 'flac', '-C', '5', '-'],
    { label, input: pcm },
  );
}

export async function decodeFlac(bytes: Uint8Array, sampleRate: number, label: string): Promise<Int16Array> {
  const pcm = await runTool(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-f', 'flac', '-i', '-', '-f', 's16le', '-ar', String(sampleRate), '-ac', '1', '-'],
    { label, input: bytes },
  );
  const out = new Int16Array(pcm.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2);
  return out;
}
