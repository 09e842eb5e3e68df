import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKefuError, type KefuError } from '../../core/errors.js';
import {
  startTranscriptionEndpointDouble,
  type TranscriptionEndpointDouble,
  type TranscriptionReply,
  type TranscriptionRequest,
} from '../../test/audio/transcription-endpoint-double.js';
import { parseWavFormat } from '../audio/wav-read.js';
import type { SttSegment } from './contract.js';
import { OpenAiSttEngine } from './openai.js';
import { describeSttConformance, speak } from './testing/conformance.js';

const text = '我的订单号是四七二九一八三，收到的搅拌机坏了。';
const samples = Int16Array.from({ length: 16_000 * 2 }, (_, i) => Math.round(3000 * Math.sin(i / 5)));
let reply: (req: TranscriptionRequest) => TranscriptionReply = () => ({ body: { text } });
let double: TranscriptionEndpointDouble;
/** Delay before answering each next request, to make replies overtake each other. */
let delays: number[] = [];

beforeAll(async () => {
  double = await startTranscriptionEndpointDouble(async (req) => {
    await new Promise((r) => setTimeout(r, delays.shift() ?? 0));
    return reply(req);
  });
});
afterAll(() => double.close());

const engine = (options: Partial<ConstructorParameters<typeof OpenAiSttEngine>[0]> = {}) =>
  new OpenAiSttEngine({ apiKey: 'test-key', baseURL: double.baseURL, model: 'whisper-1', ...options });

describeSttConformance('openai (transcription endpoint double)', async () => ({
  engine: engine(),
  speech: { samples, language: 'zh', text },
  maxWer: 0,
  failing: () => engine({ baseURL: 'http://127.0.0.1:9/v1', timeoutMs: 2000 }),
}));

describe('OpenAiSttEngine', () => {
  it('uploads each utterance as a 16 kHz mono WAV with the model and language hint', async () => {
    double.requests.length = 0;
    reply = () => ({ body: { text: ` ${text} `, segments: [{ avg_logprob: -0.1 }, { avg_logprob: -0.3 }] } });
    const segments = await speak(engine({ responseFormat: 'verbose_json' }), samples, 'zh', 1200);
    const [req] = double.requests;
    expect(req).toMatchObject({ path: '/v1/audio/transcriptions', authorization: 'Bearer test-key' });
    expect(req!.fields).toMatchObject({ model: 'whisper-1', language: 'zh', response_format: 'verbose_json' });
    expect(req!.file).toMatchObject({ name: 'utterance.wav', type: 'audio/wav' });
    const wav = req!.file.bytes;
    const format = await parseWavFormat(wav.length, async (pos, len) => wav.subarray(pos, pos + len), 'upload');
    expect(format).toMatchObject({ sampleRate: 16_000, channels: 1, durationMs: 2000 });
    expect(new Int16Array(wav.buffer.slice(wav.byteOffset + format.dataOffset, wav.byteOffset + wav.length))).toEqual(
      samples,
    );
    expect(segments).toEqual<SttSegment[]>([
      {
        text,
        startMs: 1200,
        endMs: 3200,
        language: 'zh',
        confidence: expect.closeTo(Math.exp(-0.2), 5),
        engine: 'openai/whisper-1',
        final: true,
      },
    ]);
  });

  it('reports no confidence when the server gives none', async () => {
    reply = () => ({ body: { text: 'hello' } });
    const [segment] = await speak(engine(), samples, 'en');
    expect(segment!.confidence).toBeNull();
  });

  it.each([
    [429, true, /answered 429/],
    [503, true, /answered 503/],
    [401, false, /answered 401 \(check OPENAI_API_KEY\)/],
    [404, false, /check OPENAI_BASE_URL and KEFU_STT_MODEL/],
    [200, false, /without a "text" field/],
  ])('translates HTTP %i into a KefuError (retryable: %s)', async (status, retryable, message) => {
    reply = () => ({ status, body: status === 200 ? { transcript: 'x' } : { error: { message: 'nope' } } });
    const err = (await speak(engine(), samples, 'en').catch((e: unknown) => e)) as KefuError;
    expect(isKefuError(err)).toBe(true);
    expect(err).toMatchObject({ retryable });
    expect(err.message).toMatch(message);
  });

  it('emits finals in utterance order even when an earlier request answers later', async () => {
    delays = [150, 0];
    reply = (req) => ({ body: { text: `${req.file.bytes.length} bytes` } });
    const seen: string[] = [];
    const slow = new OpenAiSttEngine({ apiKey: 'k', baseURL: double.baseURL, model: 'm' });
    const stream = slow.openStream({ language: 'en', onSegment: (s) => seen.push(s.text) });
    stream.push({ data: samples.subarray(0, 1000), sampleRate: 16_000, channels: 1 }, 0);
    const first = stream.endUtterance();
    stream.push({ data: samples.subarray(0, 2000), sampleRate: 16_000, channels: 1 }, 5000);
    await Promise.all([first, stream.endUtterance()]);
    expect(seen).toEqual(['2044 bytes', '4044 bytes']);
  });
});
