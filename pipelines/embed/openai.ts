import OpenAI from 'openai';
import { STORED_DIMS } from '../../db/queries/policies.js';
import { KefuError } from '../../core/errors.js';
import { type Embedder, normalize } from './contract.js';
import { toLlmError } from '../llm/errors.js';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /**
   * Asked of the server so vectors fit the stored column (decision 0003). Defaults to 1024 for
   * OpenAI's text-embedding-3 models, which can shorten; other servers get no `dimensions`
   * field, since many OpenAI-compatible servers reject it.
   */
  dimensions?: number;
  timeoutMs?: number;
}

/** Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, Ollama…). */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly languages = ['zh', 'en'] as const;
  private readonly client: OpenAI;
  private readonly dimensions: number | undefined;
  private observedDims = 0;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.model = `openai/${options.model}`;
    this.dimensions = options.dimensions ?? (options.model.startsWith('text-embedding-3') ? STORED_DIMS : undefined);
    // Retries belong to the caller (once, keyed on `retryable`), not to the SDK.
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 30_000,
    });
  }

  /** The requested width, or the width the server last returned (0 before the first call). */
  get dims(): number {
    return this.dimensions ?? this.observedDims;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    let data: { index: number; embedding: number[] }[];
    try {
      const res = await this.client.embeddings.create({
        model: this.options.model,
        input: [...texts],
        encoding_format: 'float',
        ...(this.dimensions ? { dimensions: this.dimensions } : {}),
      });
      data = res.data;
    } catch (err) {
      throw toLlmError(err, `Embeddings from ${this.model}`);
    }
    if (data.length !== texts.length) {
      throw new KefuError('LLM_FAILED', `${this.model} returned ${data.length} embeddings for ${texts.length} texts`, {
        retryable: true,
      });
    }
    const vectors = [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    const width = vectors[0]!.length;
    if (width > STORED_DIMS || vectors.some((v) => v.length !== width)) {
      throw new KefuError(
        'LLM_FAILED',
        `${this.model} returned ${width}-dimensional vectors; Kefu stores at most ${STORED_DIMS} (see docs/decisions/0003)`,
      );
    }
    this.observedDims = width;
    return vectors.map((v) => normalize(v));
  }
}
