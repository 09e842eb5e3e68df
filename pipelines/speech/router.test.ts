import { describe, expect, it } from 'vitest';
import type { Config } from '../../core/config.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { RecognizerPool } from './recognizer-pool.js';
import { buildSttRouting } from './router.js';

const base: Pick<Config, 'stt' | 'llm' | 'models'> = {
  stt: { engines: { en: 'pocketsphinx', zh: 'openai' } },
  llm: undefined,
  models: { dir: '/nonexistent/models', allowRemote: false },
};
const llm = { apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini', sttModel: 'whisper-1' };

describe('buildSttRouting', () => {
  it('routes English to PocketSphinx and says Chinese has no engine without an endpoint', async () => {
    const routing = buildSttRouting(base);
    expect(routing.description).toBe('en → pocketsphinx, zh → openai (no endpoint configured: zh has no engine)');
    expect(routing.engineFor('en')?.name).toBe('pocketsphinx');
    expect(routing.engineFor('zh')).toBeUndefined();
    expect(routing.missing).toEqual([{ language: 'zh', reason: 'no endpoint configured' }]);
    await routing.close();
  });

  it('uses one endpoint engine for every language routed to it', async () => {
    const routing = buildSttRouting({ ...base, llm, stt: { engines: { en: 'openai', zh: 'openai' } } });
    expect(routing.description).toBe('en → openai/whisper-1, zh → openai/whisper-1');
    expect(routing.engineFor('en')).toBe(routing.engineFor('zh'));
    await routing.close();
  });

  it.each([
    [{ zh: 'pocketsphinx' }, 'zh → pocketsphinx (pocketsphinx has no zh model: zh has no engine)'],
    [{ zh: 'none' }, 'zh → none (zh has no engine)'],
    [{ ja: 'openai' }, 'ja → openai (Kefu transcribes zh and en only: ja has no engine)'],
    [
      { zh: 'whisper-local' },
      'zh → whisper-local (no model in /nonexistent/models/Xenova/whisper-small: zh has no engine)',
    ],
    [{}, 'no speech engines configured (KEFU_STT_ENGINES is empty)'],
  ] as const)('describes %o as "%s"', async (engines, description) => {
    const routing = buildSttRouting({ ...base, llm, stt: { engines } });
    expect(routing.description).toBe(description);
    await routing.close();
  });

  it('names the missing Debian packages when PocketSphinx cannot start', () => {
    const routing = buildSttRouting(
      { ...base, stt: { engines: { en: 'pocketsphinx' } } },
      { pocketsphinxModelDir: '/nonexistent' },
    );
    expect(routing.engineFor('en')).toBeUndefined();
    expect(routing.description).toMatch(
      /^en → pocketsphinx \(PocketSphinx model incomplete in \/nonexistent .*apt-get install libpocketsphinx3 pocketsphinx-en-us: en has no engine\)$/,
    );
  });

  it('runs a local engine in recognition threads unless KEFU_STT_THREADS is 0', async () => {
    const pooled = buildSttRouting({ ...base, stt: { engines: { en: 'pocketsphinx' }, threads: 1 } });
    const inline = buildSttRouting({ ...base, stt: { engines: { en: 'pocketsphinx' }, threads: 0 } });
    expect(pooled.engineFor('en')).toBeInstanceOf(RecognizerPool);
    expect((pooled.engineFor('en') as RecognizerPool).size).toBe(1);
    expect(inline.engineFor('en')).toBeInstanceOf(PocketSphinxEngine);
    await Promise.all([pooled.close(), inline.close()]);
  });
});
