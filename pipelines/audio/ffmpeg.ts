import { spawn } from 'node:child_process';
import { KefuError } from '../../core/errors.js';

const FFMPEG_HINT = 'install ffmpeg (Debian: apt-get install ffmpeg) or convert the file to 16-bit PCM WAV';
const HINTS = {
  ffmpeg: FFMPEG_HINT,
  ffprobe: FFMPEG_HINT,
  sox: 'install sox (Debian: apt-get install sox), or set KEFU_RECORDING=false',
} as const;

/**
 * Runs ffmpeg, ffprobe or sox to completion, feeding `input` on stdin when given; resolves to stdout, or
 * rejects with an error naming `label` (the file or object) and ffmpeg's own reason.
 */
export function runTool(
  tool: keyof typeof HINTS,
  args: string[],
  o: { label: string; input?: Uint8Array },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: [o.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.once('error', (cause: NodeJS.ErrnoException) =>
      reject(
        cause.code === 'ENOENT'
          ? new KefuError('DECODER_UNAVAILABLE', `${o.label}: this needs ${tool}; ${HINTS[tool]}`, { cause })
          : cause,
      ),
    );
    child.once('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(decodeError(o.label, Buffer.concat(err))),
    );
    if (o.input) {
      // A tool that fails early closes stdin; its exit code, not EPIPE, says why.
      child.stdin?.on('error', () => {});
      child.stdin?.end(o.input);
    }
  });
}

export function decodeError(label: string, stderr: Buffer): KefuError {
  // ffmpeg's own words, on one line, without the name it repeats and without control characters.
  const reason = stderr
    .toString('utf8')
    .split('\n')
    .map((l) =>
      l
        .replaceAll(label, '')
        .replace(/[\p{Cc}]/gu, '')
        .replace(/^[:\s]+/, '')
        .trim(),
    )
    .filter(Boolean)
    .slice(0, 2)
    .join('; ');
  return new KefuError('INPUT_INVALID', `${label}: cannot decode the audio (${reason || 'unknown format'})`);
}
