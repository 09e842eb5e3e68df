import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { tempDir } from '../../test/audio/speech-fixtures.js';
import { decoderArgv, loadDecoderSettings } from './decoder-settings.js';
import { PocketSphinxEngine } from './pocketsphinx.js';

const tmp = tempDir('kefu-decoder-settings-');
afterAll(tmp.remove);

function settingsFile(name: string, args: Record<string, string>): string {
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ id: 'pocketsphinx.decoder', version: 9, description: 'test', args }));
  return file;
}

describe('decoder settings', () => {
  it("reads the project's file as flags after the model files", () => {
    const settings = loadDecoderSettings();
    expect(settings.id).toBe('pocketsphinx.decoder');
    const argv = decoderArgv(settings);
    expect(argv.length % 2).toBe(0);
    expect(argv.filter((_, i) => i % 2 === 0).every((flag) => flag.startsWith('-'))).toBe(true);
  });

  it('refuses a model file flag, naming the file and what is wrong', () => {
    const file = settingsFile('reserved', { '-lm': '/tmp/other.lm.bin' });
    const err = (() => {
      try {
        loadDecoderSettings(file);
      } catch (e) {
        return e;
      }
    })();
    expect(isKefuError(err, 'CONFIG_INVALID')).toBe(true);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/args\.-lm: is set from the model directory/);
  });

  it('refuses a flag the library would not parse, naming it', () => {
    expect(() => loadDecoderSettings(settingsFile('shape', { fwdflat: 'no' }))).toThrow(
      /args\.fwdflat: a flag is a dash/,
    );
  });

  it("fails the engine's start-up check on a bad file, before any decoder loads", () => {
    const engine = new PocketSphinxEngine({ settingsFile: settingsFile('bad', { '-dict': 'x' }) });
    expect(() => engine.check()).toThrow(/bad\.json/);
  });

  it('builds decoders with the flags a file gives, and the library refuses an unknown one by name', async () => {
    const engine = new PocketSphinxEngine({ settingsFile: settingsFile('unknown', { '-nosuchflag': 'yes' }) });
    try {
      expect(() => engine.warmUp()).toThrow(/-nosuchflag yes/);
    } finally {
      await engine.close();
    }
  });
});
