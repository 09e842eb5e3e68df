import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sttError, type SttCapabilities, type SttEngine, type SttStream, type SttStreamOptions } from './contract.js';
import { utteranceStream } from './utterance-stream.js';

export interface WhisperLocalOptions {
  /** `Config['models'].dir`: holds `<model>/config.json`, `tokenizer.json`, `onnx/…`. */
  modelsDir: string;
  /** Hugging Face id laid out under modelsDir, e.g. 'Xenova/whisper-small'. */
  model?: string;
  /** `Config['models'].allowRemote`: fetch missing files from the hub into modelsDir. */
  allowRemote: boolean;
}

type Transcriber = (
  audio: Float32Array,
  options: Record<string, unknown>,
) => Promise<{ text: string } | { text: string }[]>;

/**
 * Whisper in-process through transformers.js (ONNX), for machines with model files but no
 * endpoint. Whisper decodes whole utterances, so like the endpoint engine it has no partials.
 * transformers.js keeps its settings in one global `env`; Kefu runs one such engine per process.
 */
export class WhisperLocalEngine implements SttEngine {
  readonly name: string;
  readonly capabilities: SttCapabilities = { partials: false, languages: ['zh', 'en'] };
  private readonly model: string;
  private loading: Promise<Transcriber> | undefined;

  constructor(private readonly options: WhisperLocalOptions) {
    this.model = options.model ?? 'Xenova/whisper-small';
    this.name = `whisper-local/${this.model}`;
  }

  /** Where the model files must be; checked at start so a missing model is reported up front. */
  get modelDir(): string {
    return resolve(this.options.modelsDir, this.model);
  }

  hasModel(): boolean {
    return existsSync(join(this.modelDir, 'config.json'));
  }

  openStream(options: SttStreamOptions): SttStream {
    return utteranceStream(this.name, (audio, language) => this.transcribe(audio, language), options);
  }

  async close(): Promise<void> {
    this.loading = undefined;
  }

  private async transcribe(audio: Int16Array, language: string): Promise<{ text: string; confidence: null }> {
    const asr = await this.load();
    const input = Float32Array.from(audio, (x) => x / 32768);
    try {
      const out = await asr(input, { language, task: 'transcribe', chunk_length_s: 30 });
      return { text: (Array.isArray(out) ? out.map((o) => o.text).join(' ') : out.text).trim(), confidence: null };
    } catch (err) {
      throw sttError('failed', `${this.name}: transcription failed`, { cause: err });
    }
  }

  private load(): Promise<Transcriber> {
    if (!this.options.allowRemote && !this.hasModel()) {
      return Promise.reject(
        sttError(
          'unavailable',
          `${this.name}: no model in ${this.modelDir}; put the ${this.model} files there or set KEFU_ALLOW_REMOTE_MODELS=true`,
        ),
      );
    }
    this.loading ??= (async () => {
      const { env, pipeline } = await import('@xenova/transformers');
      env.localModelPath = resolve(this.options.modelsDir);
      env.cacheDir = resolve(this.options.modelsDir);
      env.allowLocalModels = true;
      env.allowRemoteModels = this.options.allowRemote;
      return (await pipeline('automatic-speech-recognition', this.model, {
        quantized: true,
      })) as unknown as Transcriber;
    })().catch((err: unknown) => {
      this.loading = undefined;
      throw sttError('unavailable', `${this.name}: could not load the model from ${this.modelDir}`, { cause: err });
    });
    return this.loading;
  }
}
