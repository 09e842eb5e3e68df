import OpenAI, { toFile } from 'openai';
import { z } from 'zod';
import { ENGINE_SAMPLE_RATE } from '../audio/frame.js';
import { encodeWav } from '../audio/wav-write.js';
import { sttError, type SttCapabilities, type SttEngine, type SttStream, type SttStreamOptions } from './contract.js';
import { utteranceStream } from './utterance-stream.js';

export interface OpenAiSttOptions {
  apiKey: string;
  /** Any OpenAI-compatible server: OpenAI, or self-hosted FunASR / faster-whisper / vLLM. */
  baseURL?: string;
  /** e.g. 'whisper-1', 'gpt-4o-transcribe', or what a self-hosted server calls its model. */
  model: string;
  /** 'verbose_json' gives per-segment log-probabilities (whisper-1, faster-whisper) for confidence. */
  responseFormat?: 'json' | 'verbose_json';
  timeoutMs?: number;
}

/** Only what Kefu reads from the reply, checked: self-hosted servers vary. */
const ReplySchema = z.object({
  text: z.string(),
  segments: z.array(z.object({ avg_logprob: z.number() })).optional(),
  logprobs: z.array(z.object({ logprob: z.number() })).optional(),
});

/**
 * Transcription endpoints take whole files, so this engine buffers each VAD-cut utterance and
 * sends it as a WAV with the stream's language as a hint. No partials. Requests of one stream
 * may overlap, but its finals are emitted in utterance order.
 */
export class OpenAiSttEngine implements SttEngine {
  readonly name: string;
  readonly capabilities: SttCapabilities = { partials: false, languages: ['zh', 'en'] };
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiSttOptions) {
    this.name = `openai/${options.model}`;
    // Retries belong to the caller (once, keyed on `retryable`), not hidden inside the SDK.
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 30_000,
    });
  }

  openStream(options: SttStreamOptions): SttStream {
    return utteranceStream(this.name, (audio, language) => this.transcribe(audio, language), options);
  }

  async close(): Promise<void> {}

  private async transcribe(audio: Int16Array, language: string): Promise<{ text: string; confidence: number | null }> {
    const file = await toFile(encodeWav(audio, ENGINE_SAMPLE_RATE), 'utterance.wav', { type: 'audio/wav' });
    let raw: unknown;
    try {
      raw = await this.client.audio.transcriptions.create({
        file,
        model: this.options.model,
        language,
        response_format: this.options.responseFormat ?? 'json',
      });
    } catch (err) {
      throw translate(err, this.name);
    }
    const reply = ReplySchema.safeParse(raw);
    if (!reply.success)
      throw sttError('failed', `${this.name} answered without a "text" field`, { cause: reply.error });
    const logprobs = reply.data.segments?.map((s) => s.avg_logprob) ?? reply.data.logprobs?.map((l) => l.logprob);
    const confidence = logprobs?.length ? Math.exp(logprobs.reduce((a, b) => a + b, 0) / logprobs.length) : null;
    return { text: reply.data.text.trim(), confidence };
  }
}

/** Timeouts, rate limits and server errors may pass; bad keys, models or requests won't. */
function translate(err: unknown, engine: string) {
  if (err instanceof OpenAI.APIConnectionError) {
    return sttError('failed', `${engine}: cannot reach the transcription endpoint (${err.message})`, {
      retryable: true,
      cause: err,
    });
  }
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 0;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    const hint =
      status === 401 || status === 403
        ? ' (check OPENAI_API_KEY)'
        : status === 404
          ? ' (check OPENAI_BASE_URL and KEFU_STT_MODEL)'
          : '';
    return sttError('failed', `${engine}: transcription endpoint answered ${status}${hint}`, { retryable, cause: err });
  }
  return sttError('failed', `${engine}: transcription failed`, { cause: err });
}
