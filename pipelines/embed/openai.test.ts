import { afterEach, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import type { HttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { cosine } from './contract.js';
import { HashedNgramEmbedder } from './hashed-ngram.js';
import { OpenAiEmbedder } from './openai.js';
import { startEmbeddingsEndpointDouble } from './testing/embeddings-endpoint-double.js';

let server: HttpEndpointDouble | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('OpenAiEmbedder against a local embeddings endpoint double', () => {
  it('sends the model and texts, keeps input order and returns unit vectors', async () => {
    server = await startEmbeddingsEndpointDouble({ dims: 64 });
    const e = new OpenAiEmbedder({ apiKey: 'k-test', baseURL: server.baseURL, model: 'bge-m3' });
    const texts = ['坏果包赔', 'late delivery coupon'];
    const vectors = await e.embed(texts);

    expect(e.model).toBe('openai/bge-m3');
    expect(e.dims).toBe(64);
    const sent = server.requests[0]!;
    expect(sent.headers.authorization).toBe('Bearer k-test');
    expect(sent.body).toMatchObject({ model: 'bge-m3', input: texts });
    expect(sent.body).not.toHaveProperty('dimensions');
    const hashed = new HashedNgramEmbedder(64);
    vectors.forEach((v, i) => {
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
      expect(cosine(v, hashed.embedOne(texts[i]!))).toBeCloseTo(1, 6);
    });
  });

  it('asks OpenAI text-embedding-3 models for vectors that fit the 1024-wide column', async () => {
    server = await startEmbeddingsEndpointDouble();
    const e = new OpenAiEmbedder({ apiKey: 'k', baseURL: server.baseURL, model: 'text-embedding-3-small' });
    await e.embed(['x']);
    expect(server.requests[0]!.body).toMatchObject({ dimensions: 1024 });
    expect(e.dims).toBe(1024);
  });

  it('refuses vectors wider than the stored column', async () => {
    server = await startEmbeddingsEndpointDouble({
      override: () => ({ body: { data: [{ index: 0, embedding: new Array(1536).fill(0.1) }] } }),
    });
    const e = new OpenAiEmbedder({ apiKey: 'k', baseURL: server.baseURL, model: 'big' });
    await expect(e.embed(['x'])).rejects.toThrow(/1536-dimensional.*at most 1024/);
  });

  it('translates a 503 into a retryable LLM_FAILED and a 401 into a final one', async () => {
    let status = 503;
    server = await startEmbeddingsEndpointDouble({
      override: () => ({ status, body: { error: { message: 'overloaded' } } }),
    });
    const e = new OpenAiEmbedder({ apiKey: 'k', baseURL: server.baseURL, model: 'm' });
    const first = await e.embed(['x']).catch((err: unknown) => err);
    expect(isKefuError(first, 'LLM_FAILED') && first.retryable).toBe(true);
    expect(String(first)).toMatch(/HTTP 503/);
    status = 401;
    const second = await e.embed(['x']).catch((err: unknown) => err);
    expect(isKefuError(second, 'LLM_FAILED') && !second.retryable).toBe(true);
    // No SDK-level retries: the caller owns retrying.
    expect(server.requests).toHaveLength(2);
  });

  it('reports an unreachable endpoint as retryable', async () => {
    const e = new OpenAiEmbedder({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 });
    const err = await e.embed(['x']).catch((error: unknown) => error);
    expect(isKefuError(err, 'LLM_FAILED') && err.retryable).toBe(true);
  });
});
