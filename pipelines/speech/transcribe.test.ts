import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KefuError } from '../../core/errors.js';
import { composeSpeech, mergeStereo, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import { openWavChannels } from '../audio/wav-read.js';
import { PocketSphinxEngine } from './pocketsphinx.js';
import { FakeSttEngine } from './testing/fake-stt.js';
import { transcribeSpeakerStreams, type SpeakerSegment } from './transcribe.js';

const tmp = tempDir();
let call: string;
let customerOnly: string;

beforeAll(() => {
  const say = (text: string, name: string) => synthesize(text, join(tmp.dir, name));
  const merchant = composeSpeech(
    [
      { silenceMs: 500 },
      { speech: say('Thank you for calling, how can I help you?', 'm1.wav') },
      { silenceMs: 4000 },
      { speech: say('I am sorry about that, let me check the order.', 'm2.wav') },
      { silenceMs: 800 },
    ],
    join(tmp.dir, 'merchant.wav'),
  );
  const customer = composeSpeech(
    [{ silenceMs: 3300 }, { speech: say('My order number is four seven two nine.', 'c1.wav') }, { silenceMs: 4500 }],
    join(tmp.dir, 'customer.wav'),
  );
  customerOnly = customer.path;
  call = mergeStereo(merchant.path, customer.path, join(tmp.dir, 'call.wav'), 44_100);
});
afterAll(tmp.remove);

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('transcribeSpeakerStreams', () => {
  it('transcribes a 44.1 kHz stereo call, one speaker per channel, in time order', async () => {
    const engine = new PocketSphinxEngine();
    const [left, right] = await openWavChannels(call);
    const interims: SpeakerSegment[] = [];
    const ends: number[] = [];
    const finals = await all(
      transcribeSpeakerStreams({
        streams: [
          { speaker: 'merchant', language: 'en', frames: left!.frames },
          { speaker: 'customer', language: 'en', frames: right!.frames },
        ],
        engineFor: () => engine,
        onInterim: (s) => interims.push(s),
        onSpeechEnd: (s) => ends.push(s.decidedAtMs - s.endMs),
      }),
    );
    await engine.close();
    expect(finals.map((f) => f.speaker)).toEqual(['merchant', 'customer', 'merchant']);
    expect(finals.map((f) => f.startMs)).toEqual([...finals.map((f) => f.startMs)].sort((a, b) => a - b));
    expect(finals[0]!.startMs).toBeGreaterThan(300);
    expect(finals[1]!.text).toMatch(/number/);
    expect(finals[2]!.text).toMatch(/sorry|check/);
    expect(interims.length).toBeGreaterThan(0);
    expect(ends).toHaveLength(3);
  });

  it('retries an utterance once when the engine says it may', async () => {
    const engine = new FakeSttEngine({
      script: ['first try', 'second try'],
      failAt: { utterance: 0, error: new KefuError('STT_FAILED', 'busy', { retryable: true }) },
    });
    const [mono] = await openWavChannels(customerOnly);
    const finals = await all(
      transcribeSpeakerStreams({
        streams: [{ speaker: 'customer', language: 'en', frames: mono!.frames }],
        engineFor: () => engine,
      }),
    );
    expect(finals.map((f) => f.text)).toEqual(['second try']);
  });

  it('reports a lost utterance to onError, or fails the run without one', async () => {
    const failing = () =>
      new FakeSttEngine({ script: ['x'], failAt: { utterance: 0, error: new KefuError('STT_FAILED', 'bad key') } });
    const run = async (onError?: (e: KefuError) => void) => {
      const [mono] = await openWavChannels(customerOnly);
      const engine = failing();
      return all(
        transcribeSpeakerStreams({
          streams: [{ speaker: 'customer', language: 'en', frames: mono!.frames }],
          engineFor: () => engine,
          onError,
        }),
      );
    };
    const errors: KefuError[] = [];
    expect(await run((e) => errors.push(e))).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['bad key']);
    await expect(run()).rejects.toThrow('bad key');
  });

  it("releases a short answer's final without waiting for a second more of the speaker's audio", async () => {
    const answer = composeSpeech(
      [{ silenceMs: 400 }, { speech: synthesize('Yes.', join(tmp.dir, 'yes.wav')) }, { silenceMs: 320 }],
      join(tmp.dir, 'yes-call.wav'),
    );
    const [mono] = await openWavChannels(answer.path);
    // The line's audio, ended early as a whole turn, then nothing until the final is out (live,
    // the next second of audio would take a second to come).
    let released: () => void = () => {};
    const more = new Promise<void>((resolve) => (released = resolve));
    async function* frames() {
      yield* mono!.frames;
      await more;
    }
    const engine = new FakeSttEngine({ script: ['yes'] });
    const finals: string[] = [];
    const run = (async () => {
      for await (const f of transcribeSpeakerStreams({
        streams: [{ speaker: 'customer', language: 'en', frames: frames() }],
        engineFor: () => engine,
        vad: { earlyEndSilenceMs: 250 },
        turnEnded: () => true,
      })) {
        finals.push(f.text);
        released();
      }
    })();
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000));
    await Promise.race([more, timeout]);
    expect(finals).toEqual(['yes']);
    released();
    await run;
  });

  it('refuses a language with no engine before reading any audio', async () => {
    const [mono] = await openWavChannels(customerOnly);
    const run = transcribeSpeakerStreams({
      streams: [{ speaker: 'customer', language: 'zh', frames: mono!.frames }],
      engineFor: () => undefined,
    });
    await expect(all(run)).rejects.toThrow(/no speech engine serves zh/);
  });
});
