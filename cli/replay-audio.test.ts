import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../test/audio/speech-fixtures.js';
import { runKefu } from '../test/cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'kefu-replay-audio-'));
const env = { KEFU_DATA_DIR: join(cwd, 'data'), KEFU_SEED_DEMO: 'false', LOG_LEVEL: 'silent' };

function encode(wav: string, out: string, ...codec: string[]): string {
  const path = join(cwd, out);
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', wav, ...codec, path]);
  return path;
}

describe('kefu replay with recordings as phones and browsers make them', () => {
  it('transcribes an mp3 customer and an Ogg Opus merchant, and refuses a broken file storing nothing', async () => {
    const customer = encode(
      synthesize('my kettle arrived broken and i want a refund', join(cwd, 'c.wav')),
      'customer.mp3',
      '-c:a',
      'libmp3lame',
    );
    const merchant = encode(
      synthesize('sorry to hear that we will refund you today', join(cwd, 'm.wav')),
      'merchant.ogg',
      '-c:a',
      'libopus',
    );
    const ok = await runKefu(['replay', '--customer', customer, '--merchant', merchant, '--language', 'en', '--json'], {
      cwd,
      env,
    });
    expect(ok.code, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as { utterances: { speaker: string; text: string }[] };
    const heard = (speaker: string) =>
      result.utterances
        .filter((u) => u.speaker === speaker)
        .map((u) => u.text)
        .join(' ');
    expect(heard('customer')).toMatch(/kettle|broken|refund/);
    expect(heard('merchant')).toMatch(/sorry|refund|today/);

    const broken = join(cwd, 'broken.m4a');
    writeFileSync(broken, Buffer.from('ftypM4A '.repeat(64)));
    const bad = await runKefu(['replay', '--customer', broken, '--language', 'en', '--json'], { cwd, env });
    expect(bad.code, `signal ${bad.signal}; stderr:\n${bad.stderr}`).toBe(2);
    expect(bad.stderr).toContain(broken);
    expect(bad.stdout).toBe('');
    // The call is created only after every file decodes: no "call … started" was logged.
    expect(bad.stderr).not.toMatch(/replay: call .* started/);
    expect(ok.stderr).toMatch(/replay: call .* started/);

    // Inputs are checked before anything starts: a broken file on a fresh folder leaves no database.
    const fresh = join(cwd, 'never-opened');
    const early = await runKefu(['replay', '--customer', broken, '--language', 'en'], {
      cwd,
      env: { ...env, KEFU_DATA_DIR: fresh },
    });
    expect(early.code, `signal ${early.signal}; stderr:\n${early.stderr}`).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  }, 360_000); // a fresh database, PocketSphinx and ffmpeg in child processes: minutes at load 30
});
