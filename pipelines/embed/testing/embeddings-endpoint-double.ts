import { HashedNgramEmbedder } from '../hashed-ngram.js';
import {
  type DoubleReply,
  type HttpEndpointDouble,
  type RecordedRequest,
  startHttpEndpointDouble,
} from '../../llm/testing/http-endpoint-double.js';

/**
 * Test double for an OpenAI-compatible `/v1/embeddings` endpoint. By default it answers with
 * deterministic, unnormalised vectors (a hashed n-gram vector scaled by 3) so a test can check
 * the client normalises them and keeps input order; `override` replaces any answer.
 */
export async function startEmbeddingsEndpointDouble(
  options: { dims?: number; override?: (req: RecordedRequest) => DoubleReply | undefined } = {},
): Promise<HttpEndpointDouble> {
  const hashed = new HashedNgramEmbedder(options.dims ?? 64);
  return startHttpEndpointDouble({
    '/embeddings': (req) => {
      const overridden = options.override?.(req);
      if (overridden) return overridden;
      const body = req.body as { input: string[]; model: string };
      // Reversed on purpose: the API identifies vectors by `index`, not by position.
      const data = body.input
        .map((text, index) => ({ object: 'embedding', index, embedding: hashed.embedOne(text).map((x) => x * 3) }))
        .reverse();
      return { body: { object: 'list', model: body.model, data, usage: { prompt_tokens: 1, total_tokens: 1 } } };
    },
  });
}
