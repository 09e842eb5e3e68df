import { STORED_DIMS } from '../../db/queries/policies.js';
import { KefuError } from '../../core/errors.js';
import type { Embedder } from './contract.js';

export interface TransformersEmbedderOptions {
  /** Hugging Face id, looked up as `<dir>/<modelId>/` (e.g. Xenova/bge-small-zh-v1.5). */
  modelId: string;
  dir: string;
  allowRemote: boolean;
  /** Which languages the model reads; a multilingual model reads both. */
  languages?: readonly ('zh' | 'en')[];
  quantized?: boolean;
}

type Extractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{
  dims: number[];
  data: Float32Array;
}>;

/**
 * A local sentence-embedding model run by transformers.js (ONNX on CPU). Mean pooling over
 * tokens and L2 normalisation, as sentence-transformers models are trained to be used.
 * Create it with `loadTransformersEmbedder`, which learns the width from one probe sentence.
 */
export class TransformersEmbedder implements Embedder {
  readonly model: string;

  private constructor(
    private readonly extract: Extractor,
    modelId: string,
    readonly dims: number,
    readonly languages: readonly ('zh' | 'en')[],
  ) {
    this.model = `transformers/${modelId}`;
  }

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { pipeline, env } = await import('@xenova/transformers');
    // transformers.js keeps these as process-wide settings; Kefu loads models only through here.
    env.localModelPath = options.dir;
    env.allowRemoteModels = options.allowRemote;
    env.allowLocalModels = true;
    let extract: Extractor;
    try {
      extract = (await pipeline('feature-extraction', options.modelId, {
        quantized: options.quantized ?? true,
      })) as unknown as Extractor;
    } catch (err) {
      const hint = options.allowRemote ? '' : ' (remote downloads are off: KEFU_ALLOW_REMOTE_MODELS=false)';
      throw new KefuError(
        'CONFIG_INVALID',
        `Embedding model ${options.modelId} could not be loaded from ${options.dir}${hint}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const probe = await extract(['probe'], { pooling: 'mean', normalize: true });
    const dims = probe.dims.at(-1)!;
    if (dims > STORED_DIMS) {
      throw new KefuError(
        'CONFIG_INVALID',
        `${options.modelId} makes ${dims}-d vectors; Kefu stores at most ${STORED_DIMS}`,
      );
    }
    return new TransformersEmbedder(extract, options.modelId, dims, options.languages ?? ['zh', 'en']);
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const out = await this.extract([...texts], { pooling: 'mean', normalize: true });
    const rows: number[][] = [];
    for (let i = 0; i < texts.length; i++) rows.push(Array.from(out.data.subarray(i * this.dims, (i + 1) * this.dims)));
    return rows;
  }
}
