import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeSpeech, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import { SileroScorer } from './silero-model.js';
import { segmentSpeech, type VadEvent, type VadOptions } from './vad.js';
import { openWavChannels } from './wav-read.js';

const tmp = tempDir();
let call: { path: string; spans: { startMs: number; endMs: number }[] };
/** The same call on a digitally silent line (a muted microphone between turns). */
let silentLine: { path: string; spans: { startMs: number; endMs: number }[] };

beforeAll(() => {
  const say = (text: string, name: string) => synthesize(text, join(tmp.dir, name));
  call = composeSpeech(
    [
      { silenceMs: 700 },
      { speech: say('Hello, I have a problem with my order.', 'a.wav') },
      { silenceMs: 1500 },
      { speech: say('The blender arrived broken.', 'b.wav') },
      { silenceMs: 1200 },
      { speech: say('Can I get a refund please?', 'c.wav') },
      { silenceMs: 900 },
    ],
    join(tmp.dir, 'call.wav'),
  );
  silentLine = composeSpeech(
    [
      { silenceMs: 1500 },
      { speech: join(tmp.dir, 'a.wav') },
      { silenceMs: 1500 },
      { speech: join(tmp.dir, 'b.wav') },
      { silenceMs: 1200 },
    ],
    join(tmp.dir, 'silent.wav'),
    0,
  );
});
afterAll(tmp.remove);

async function utterances(options: VadOptions = {}, turnEnded?: () => boolean, path = call.path) {
  const [channel] = await openWavChannels(path);
  const events: VadEvent[] = [];
  for await (const e of segmentSpeech(channel!.frames, options, turnEnded)) events.push(e);
  return events;
}

describe('segmentSpeech (Silero VAD)', () => {
  it('finds each sentence between known silences, within 250 ms at both ends', async () => {
    const events = await utterances({ speechPadMs: 100 });
    const ends = events.filter((e) => e.type === 'end');
    expect(ends).toHaveLength(3);
    ends.forEach((e, i) => {
      expect(Math.abs(e.startMs - call.spans[i]!.startMs)).toBeLessThan(250);
      expect(Math.abs(e.endMs - call.spans[i]!.endMs)).toBeLessThan(250);
      // The end is only decided after the configured silence has passed.
      expect(e.decidedAtMs - e.endMs).toBeGreaterThanOrEqual(500 - 100 - 64);
    });
  });

  it('sends exactly the audio of each utterance, in order, between start and end', async () => {
    const events = await utterances();
    let open: { startMs: number; nextMs: number } | undefined;
    for (const e of events) {
      if (e.type === 'start') open = { startMs: e.startMs, nextMs: e.startMs };
      if (e.type === 'audio') {
        expect(open).toBeDefined();
        expect(e.atMs).toBe(open!.nextMs);
        open!.nextMs = e.atMs + e.frame.data.length / 16;
      }
      if (e.type === 'end') {
        expect(Math.abs(e.endMs - open!.nextMs)).toBeLessThanOrEqual(1);
        open = undefined;
      }
    }
  });

  it('keeps sentences together when the end-of-speech silence is longer than the pauses', async () => {
    const ends = (await utterances({ endSilenceMs: 1300 })).filter((e) => e.type === 'end');
    // 1300 ms outlasts the 1200 ms pause between the last two sentences but not the 1500 ms one.
    expect(ends).toHaveLength(2);
    expect(Math.abs(ends[1]!.startMs - call.spans[1]!.startMs)).toBeLessThan(250);
    expect(Math.abs(ends[1]!.endMs - call.spans[2]!.endMs)).toBeLessThan(250);
  });

  it('ends an utterance at the shorter silence only when the turn detector says the turn is over', async () => {
    const options = { endSilenceMs: 1300, earlyEndSilenceMs: 300, speechPadMs: 100 };
    let asked = 0;
    const notOver = (
      await utterances(options, () => {
        asked++;
        return false;
      })
    ).filter((e) => e.type === 'end');
    expect(asked).toBeGreaterThan(0);
    expect(notOver).toHaveLength(2);
    const over = (await utterances(options, () => true)).filter((e) => e.type === 'end');
    expect(over).toHaveLength(3);
    for (const e of over) {
      // Decided about 300 ms after the speech (the pad is inside endMs), not 1300 ms.
      expect(e.decidedAtMs - e.endMs).toBeGreaterThanOrEqual(300 - 100 - 64);
      expect(e.decidedAtMs - e.endMs).toBeLessThan(600);
    }
  });

  it('gives the engine the trailing pad as the pause starts, not when the end is decided', async () => {
    const [channel] = await openWavChannels(call.path);
    let heardMs = 0;
    async function* counted() {
      for await (const frame of channel!.frames) {
        heardMs += (frame.data.length / frame.sampleRate) * 1000;
        yield frame;
      }
    }
    let lastAudioAt = 0;
    const gaps: number[] = [];
    for await (const e of segmentSpeech(counted(), { speechPadMs: 150, endSilenceMs: 500 })) {
      if (e.type === 'audio') lastAudioAt = heardMs;
      if (e.type === 'end') gaps.push(heardMs - lastAudioAt);
    }
    expect(gaps).toHaveLength(3);
    // The pad's last window went out ~150 ms into the pause; the end came ~350 ms of input later.
    for (const gap of gaps) expect(gap).toBeGreaterThan(250);
  });

  it('drops bursts shorter than minSpeechMs', async () => {
    const ends = (await utterances({ minSpeechMs: 2500 })).filter((e) => e.type === 'end');
    expect(ends.length).toBeLessThan(3);
  });

  it('does not run the model on a quiet line once it has scored it silent, and cuts the same sentences', async () => {
    const scored = vi.spyOn(SileroScorer.prototype, 'score');
    try {
      const every = (await utterances({ quiet: false }, undefined, silentLine.path)).filter((e) => e.type === 'end');
      const all = scored.mock.calls.length;
      scored.mockClear();
      const quiet = (await utterances({}, undefined, silentLine.path)).filter((e) => e.type === 'end');
      // 4.2 s of the 6.4 s are silent; all but the first 8 windows (256 ms) of each gap are skipped.
      expect(scored.mock.calls.length).toBeLessThan(all * 0.6);
      expect(quiet).toHaveLength(2);
      expect(every).toHaveLength(2);
      quiet.forEach((e, i) => {
        expect(Math.abs(e.startMs - silentLine.spans[i]!.startMs)).toBeLessThan(250);
        expect(Math.abs(e.endMs - silentLine.spans[i]!.endMs)).toBeLessThan(250);
        // The model's state differs after a skipped gap: a cut may move by a window (32 ms), no more.
        expect(Math.abs(e.startMs - every[i]!.startMs)).toBeLessThanOrEqual(32);
        expect(Math.abs(e.endMs - every[i]!.endMs)).toBeLessThanOrEqual(32);
      });
    } finally {
      scored.mockRestore();
    }
  });

  it('scores every window of a line above the quiet peak', async () => {
    const scored = vi.spyOn(SileroScorer.prototype, 'score');
    try {
      await utterances();
      const windows = scored.mock.calls.length;
      scored.mockClear();
      await utterances({ quiet: false });
      expect(scored.mock.calls.length).toBe(windows);
    } finally {
      scored.mockRestore();
    }
  });

  it('cuts monologues at maxUtteranceMs', async () => {
    const ends = (await utterances({ maxUtteranceMs: 1000 })).filter((e) => e.type === 'end');
    expect(ends.length).toBeGreaterThan(3);
    for (const e of ends) expect(e.endMs - e.startMs).toBeLessThanOrEqual(1100);
  });
});
