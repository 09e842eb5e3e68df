import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { selectEmbedder } from './select.js';

describe('selectEmbedder', () => {
  it('is the offline hashed embedder when nothing is configured', async () => {
    const { embedder, description } = await selectEmbedder(loadConfig({}));
    expect(embedder.model).toBe('hashed-ngram-v1-512');
    expect(description).toMatch(/^hashed-ngram-v1-512 \(offline/);
  });

  it('stays offline when an LLM endpoint is configured without an embedding model', async () => {
    const { embedder } = await selectEmbedder(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }));
    expect(embedder.model).toMatch(/^hashed-ngram/);
  });

  it('uses the OpenAI-compatible endpoint when it names an embedding model', async () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://gpu.local:8000/v1', KEFU_EMBEDDING_MODEL: 'bge-m3' });
    const { embedder, description } = await selectEmbedder(config);
    expect(embedder.model).toBe('openai/bge-m3');
    expect(description).toBe('openai/bge-m3 at http://gpu.local:8000/v1');
  });

  it('prefers local model files when the model is present in KEFU_MODEL_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-models-'));
    mkdirSync(join(dir, 'acme/mini'), { recursive: true });
    const config = loadConfig({ OPENAI_API_KEY: 'k', KEFU_EMBEDDING_MODEL: 'acme/mini', KEFU_MODEL_DIR: dir });
    // The folder exists but holds no weights: the transformers path is taken and fails clearly.
    await expect(selectEmbedder(config)).rejects.toThrow(/Embedding model acme\/mini could not be loaded/);
  });

  it('honours an explicit choice over the configuration', async () => {
    const config = loadConfig({ OPENAI_API_KEY: 'k', KEFU_EMBEDDING_MODEL: 'text-embedding-3-small' });
    const { embedder } = await selectEmbedder(config, { kind: 'hashed', dims: 256 });
    expect(embedder.model).toBe('hashed-ngram-v1-256');
    await expect(selectEmbedder(loadConfig({}), { kind: 'openai' })).rejects.toThrow(/KEFU_EMBEDDING_MODEL/);
  });
});
