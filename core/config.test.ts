import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readEnv } from './config.js';
import { isKefuError } from './errors.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(isKefuError(err, 'CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('defaults to the embedded database and offline components', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'embedded', dataDir: '.kefu', port: 0 });
    expect(c.llm).toBeUndefined();
    expect(c.livekit).toBeUndefined();
    expect(c.http).toEqual({ host: '127.0.0.1', port: 3000, trustProxy: false });
    expect(c.stt.engines).toEqual({ en: 'pocketsphinx', zh: 'openai' });
    expect(c.timeZone).toBe('Asia/Shanghai');
  });

  it('uses DATABASE_URL when set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://kefu:pw@db.internal:5432/kefu' });
    expect(c.database).toEqual({ kind: 'external', url: 'postgres://kefu:pw@db.internal:5432/kefu' });
  });

  it('takes a separate migration owner for an app role that owns nothing, only beside DATABASE_URL', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://kefu_app:pw@db.internal:5432/kefu',
      KEFU_MIGRATION_DATABASE_URL: 'postgres://kefu:pw@db.internal:5432/kefu',
    });
    expect(c.database).toMatchObject({ kind: 'external', migrationUrl: 'postgres://kefu:pw@db.internal:5432/kefu' });
    expect(configError({ KEFU_MIGRATION_DATABASE_URL: 'postgres://kefu:pw@db.internal:5432/kefu' })).toContain(
      'DATABASE_URL: required when KEFU_MIGRATION_DATABASE_URL is set',
    );
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    const c = loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '  ' });
    expect(c.database.kind).toBe('embedded');
    expect(c.llm).toBeUndefined();
  });

  it('names every bad key in one error', () => {
    const message = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      KEFU_TIME_ZONE: 'Mars/Olympus',
      KEFU_STT_ENGINES: 'en=pocketsphinx,zh=siri',
      LOG_LEVEL: 'loud',
    });
    for (const key of ['PORT', 'DATABASE_URL', 'KEFU_TIME_ZONE', 'KEFU_STT_ENGINES', 'LOG_LEVEL']) {
      expect(message).toContain(`${key}:`);
    }
    expect(message).toContain('"zh=siri"');
  });

  it('listens with the service-call vocabulary unless told general, and names a bad one', () => {
    expect(loadConfig({}).stt.vocabulary).toBe('service-calls');
    expect(loadConfig({ KEFU_STT_VOCABULARY: 'general' }).stt.vocabulary).toBe('general');
    expect(configError({ KEFU_STT_VOCABULARY: 'medical' })).toContain('KEFU_STT_VOCABULARY:');
  });

  it('turns the order-events webhook on with a secret of at least 16 characters', () => {
    expect(loadConfig({ KEFU_PLATFORM_WEBHOOK_SECRET: '' }).platform).toEqual({ webhookSecret: undefined });
    expect(loadConfig({ KEFU_PLATFORM_WEBHOOK_SECRET: 'a-secret-of-20-chars' }).platform.webhookSecret).toBe(
      'a-secret-of-20-chars',
    );
    expect(configError({ KEFU_PLATFORM_WEBHOOK_SECRET: 'short' })).toContain(
      'KEFU_PLATFORM_WEBHOOK_SECRET: at least 16',
    );
  });

  it('requires all three LiveKit keys once any is set, naming the missing ones', () => {
    const message = configError({ LIVEKIT_URL: 'wss://kefu.livekit.cloud' });
    expect(message).toContain('LIVEKIT_API_KEY: required when LIVEKIT_URL is set');
    expect(message).toContain('LIVEKIT_API_SECRET: required when LIVEKIT_URL is set');
  });

  it('configures an LLM from a base URL alone (self-hosted servers need no key)', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', KEFU_LLM_MODEL: 'qwen2.5-7b' });
    expect(c.llm).toMatchObject({ baseURL: 'http://127.0.0.1:8000/v1', model: 'qwen2.5-7b', recallBudgetMs: 1500 });
  });

  it('takes a recall latency budget in milliseconds, and names a bad one', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', KEFU_LLM_RECALL_BUDGET_MS: '800' });
    expect(c.llm?.recallBudgetMs).toBe(800);
    expect(configError({ KEFU_LLM_RECALL_BUDGET_MS: 'soon' })).toContain('KEFU_LLM_RECALL_BUDGET_MS:');
  });

  it('parses booleans strictly', () => {
    expect(loadConfig({ KEFU_ALLOW_REMOTE_MODELS: 'true' }).models.allowRemote).toBe(true);
    expect(configError({ KEFU_ALLOW_REMOTE_MODELS: 'maybe' })).toContain('KEFU_ALLOW_REMOTE_MODELS:');
  });
});

describe('readEnv', () => {
  it('reads .env but lets the real environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'KEFU_TEST_ONLY_A=from-file\nKEFU_TEST_ONLY_B=from-file\n');
    process.env.KEFU_TEST_ONLY_B = 'from-process';
    try {
      const env = readEnv(file);
      expect(env.KEFU_TEST_ONLY_A).toBe('from-file');
      expect(env.KEFU_TEST_ONLY_B).toBe('from-process');
    } finally {
      delete process.env.KEFU_TEST_ONLY_B;
    }
  });
});
