import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { useTestDatabase } from '../../test/db.js';
import { createLlmClient, describeLlm } from '../llm/select.js';
import { buildAdvisor, buildSuggestionEngine } from './build.js';

const db = useTestDatabase();

describe('building stage 3 from Config', () => {
  it('with no configuration: offline engine, hashed embeddings, policies seeded into Postgres', async () => {
    const config = loadConfig({});
    expect(createLlmClient(config)).toBeNull();
    expect(describeLlm(config)).toMatch(/^none \(offline/);
    const { advisor, describe: banner } = await buildAdvisor({ config, sql: db.sql() });
    expect(banner.suggestions).toBe('offline-templates over pgvector hashed-ngram-v1-512');
    expect(banner.embeddings).toMatch(/^hashed-ngram-v1-512/);

    const advice = await advisor.advise({
      lines: [{ speaker: 'customer', text: 'my parcel still has not shipped after four days', startMs: 0, endMs: 1 }],
      index: 0,
      now: new Date(),
    });
    expect(advice.policies[0]!.policy.id).toBe('en.shipping.late');
    expect(advice.refundOptions[0]).toMatchObject({ kind: 'coupon', policy: 'en.shipping.late', recommended: false });
    expect(advice.suggestions[0]!.text).toMatch(/coupon/);
  });

  it('with an LLM endpoint: the LLM engine, falling back to templates', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', KEFU_LLM_MODEL: 'qwen2.5' });
    expect(describeLlm(config)).toBe('openai/qwen2.5 at http://127.0.0.1:8000/v1');
    expect(buildSuggestionEngine(createLlmClient(config)).name).toBe('llm:openai/qwen2.5');
  });

  it('without a database, ranks the same policies in memory', async () => {
    const { describe: banner } = await buildAdvisor({ config: loadConfig({}) });
    expect(banner.suggestions).toBe('offline-templates over in-memory hashed-ngram-v1-512');
  });
});
