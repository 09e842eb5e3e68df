import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../core/config.js';
import { KefuError } from '../../core/errors.js';
import type { Embedder } from './contract.js';
import { HashedNgramEmbedder } from './hashed-ngram.js';
import { OpenAiEmbedder } from './openai.js';
import { TransformersEmbedder } from './transformers.js';

export type EmbedderChoice =
  | { kind: 'hashed'; dims?: number }
  | { kind: 'openai'; model?: string }
  | { kind: 'transformers'; modelId: string };

export interface SelectedEmbedder {
  embedder: Embedder;
  /** One line for the start-up banner, e.g. "openai/bge-m3 at http://gpu:8000/v1". */
  description: string;
}

/**
 * Picks the embedder: an explicit choice wins; else KEFU_EMBEDDING_MODEL names a model whose
 * files are under KEFU_MODEL_DIR → transformers.js locally; else it names a model on the
 * configured OpenAI-compatible endpoint; else the offline hashed n-gram embedder.
 */
export async function selectEmbedder(config: Config, choice?: EmbedderChoice): Promise<SelectedEmbedder> {
  const chosen = choice ?? defaultChoice(config);
  switch (chosen.kind) {
    case 'hashed': {
      const embedder = new HashedNgramEmbedder(chosen.dims);
      return {
        embedder,
        description: `${embedder.model} (offline, lexical; set KEFU_EMBEDDING_MODEL for a neural model)`,
      };
    }
    case 'transformers': {
      const embedder = await TransformersEmbedder.load({
        modelId: chosen.modelId,
        dir: config.models.dir,
        allowRemote: config.models.allowRemote,
      });
      return { embedder, description: `${embedder.model} (local, ${embedder.dims}-d, from ${config.models.dir})` };
    }
    case 'openai': {
      const model = chosen.model ?? config.llm?.embeddingModel;
      if (!config.llm || !model) {
        throw new KefuError(
          'CONFIG_INVALID',
          'The OpenAI embedder needs OPENAI_API_KEY or OPENAI_BASE_URL and KEFU_EMBEDDING_MODEL',
        );
      }
      const embedder = new OpenAiEmbedder({ apiKey: config.llm.apiKey, baseURL: config.llm.baseURL, model });
      return { embedder, description: `${embedder.model} at ${config.llm.baseURL ?? 'https://api.openai.com/v1'}` };
    }
  }
}

function defaultChoice(config: Config): EmbedderChoice {
  const model = config.llm?.embeddingModel;
  if (model && existsSync(join(config.models.dir, model))) return { kind: 'transformers', modelId: model };
  if (model) return { kind: 'openai', model };
  return { kind: 'hashed' };
}
