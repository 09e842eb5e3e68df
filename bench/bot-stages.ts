/**
 * Where the bot's time from end of speech to final transcript goes, stage by stage, on the bot's
 * own speech path without the network: flite lines played in real time (32 ms frames, as rtc-node
 * hands them over) through resampling → Silero VAD with the bot's turn detector → one recognition
 * thread (a job process's pool) → the time-ordered release of finals. Per utterance:
 * - silence: the true end of the line's audio → the VAD deciding the utterance ended (wall clock;
 *   the 250 ms early end when the words finish the turn, else 500 ms, plus Silero's lag);
 * - last pass: that decision → the final back from the recognition thread (`ps_end_utt` and the
 *   thread's queue);
 * - release: the final → its release in time order (`TimeOrderedQueue`).
 * Each decoder settings file given (KEFU_BENCH_STT_SETTINGS=a.json,b.json; default the project's)
 * is run over the same lines, with word errors and digit strings kept. What the network adds
 * (WebRTC, the LiveKit server, delivery to the merchant) and the text pipeline are `bench bot`'s.
 * The bench raises its own priority as the bot does (KEFU_AGENT_NICE): at a busy host's default
 * priority its recognition thread fell a minute behind the audio (load 15-25) and the stages
 * measured the host, not the bot. Under `setsid` its session's autogroup is raised too.
 * Run: npm run bench -- bot-stages
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prioritizeProcess } from '../agent/priority.js';
import { loadConfig } from '../core/config.js';
import type { PcmFrame } from '../pipelines/audio/frame.js';
import { RecognizerPool } from '../pipelines/speech/recognizer-pool.js';
import { transcribeSpeakerStreams } from '../pipelines/speech/transcribe.js';
import { turnLooksComplete } from '../pipelines/speech/turn.js';
import { wordErrors } from '../pipelines/speech/wer.js';
import { composeSpeech, readSamples, synthesize, tempDir, type Piece } from '../test/audio/speech-fixtures.js';
import { loadAverage } from './bot-footprint.js';
import { NUMBER_LINES, SENTENCES } from './speech-lines.js';
import { percentile } from './stats.js';

export { NUMBER_LINES };

/** Short answers (a final the time order may hold back). */
const SHORT_LINES = ['Yes.', 'Okay, thanks.', 'No, it is not.', 'Sure.'];
/** As the agent's speaker stream: a pause this long ends a turn whose words finish it. */
const EARLY_END_SILENCE_MS = 250;
const FRAME_MS = 32;

type Stage = { line: number; silence: number; lastPass: number; release: number; early: boolean };

export async function runBotStagesBench(): Promise<void> {
  // Before the recognition thread starts: threads inherit their creator's nice value.
  const refused = prioritizeProcess(loadConfig().agentNice);
  if (refused) console.log(`  bot-stages: ${refused}`);
  const tmp = tempDir('kefu-bot-stages-');
  try {
    const lines = [...SENTENCES, ...NUMBER_LINES, ...SHORT_LINES];
    const pieces: Piece[] = [{ silenceMs: 1000 }];
    lines.forEach((text, i) =>
      pieces.push({ speech: synthesize(text, join(tmp.dir, `l${i}.wav`)) }, { silenceMs: 1500 }),
    );
    const { path, spans } = composeSpeech(pieces, join(tmp.dir, 'lines.wav'));
    const samples = readSamples(path);
    // Where each line's voice ends (flite leaves a little quiet at the end of its file).
    const audibleEnds = spans.map((s) => {
      let at = Math.floor(s.endMs * 16) - 1;
      while (at > s.startMs * 16 && Math.abs(samples[at]!) < 300) at--;
      return at / 16;
    });
    const files = process.env.KEFU_BENCH_STT_SETTINGS?.split(',').filter(Boolean) ?? [undefined];
    console.log(
      `bot-stages: ${lines.length} flite lines (${SENTENCES.length} of the speech bench, ${NUMBER_LINES.length} with numbers, ${SHORT_LINES.length} short), ${(samples.length / 16_000).toFixed(0)} s played in real time per settings file, one recognition thread`,
    );
    for (const file of files) {
      const pool = await new RecognizerPool({ kind: 'pocketsphinx', settingsFile: file }, { threads: 1 }).start();
      try {
        const stages = await play(
          pool,
          samples,
          spans.map((s) => s.startMs),
          audibleEnds,
        );
        report(file ?? 'project settings', stages.stages, lines, spans, stages.finals);
      } finally {
        await pool.close();
      }
    }
    console.log(`  load average ${loadAverage()} (machine shared with other work)`);
  } finally {
    tmp.remove();
  }
}

async function play(pool: RecognizerPool, samples: Int16Array, starts: number[], audibleEnds: number[]) {
  const t0 = performance.now();
  async function* frames(): AsyncGenerator<PcmFrame> {
    const n = FRAME_MS * 16;
    for (let i = 0, k = 0; i < samples.length; i += n, k++) {
      const due = t0 + (k + 1) * FRAME_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      yield { data: samples.slice(i, i + n), sampleRate: 16_000, channels: 1 };
    }
  }
  // The line an utterance ends in: the last one starting before its end (the VAD's end carries its pad).
  const lineOf = (ms: number) => starts.findLastIndex((start) => start < ms);
  const ended = new Map<number, { at: number; early: boolean; line: number }>();
  const finalAt = new Map<number, number>();
  const stages: Stage[] = [];
  const finals: { startMs: number; endMs: number; text: string }[] = [];
  for await (const final of transcribeSpeakerStreams({
    streams: [{ speaker: 'customer' as const, language: 'en' as const, frames: frames() }],
    engineFor: () => pool,
    vad: { earlyEndSilenceMs: EARLY_END_SILENCE_MS },
    turnEnded: turnLooksComplete,
    onSpeechEnd: (s) => {
      const line = lineOf(s.endMs);
      // The end carries the pause's first 150 ms (the pad): 250 ms of silence leaves ~100 ms after it.
      ended.set(s.startMs, { at: performance.now(), early: s.decidedAtMs - s.endMs < 225, line });
    },
    onFinal: (f) => finalAt.set(f.startMs, performance.now()),
  })) {
    const released = performance.now();
    finals.push(final);
    const utterance = [...ended.entries()].filter(([start]) => start <= final.startMs).at(-1);
    const heard = finalAt.get(final.startMs);
    if (!utterance || heard === undefined) continue;
    const [, end] = utterance;
    const line = end.line;
    if (line < 0 || stages.some((s) => s.line === line)) continue;
    stages.push({
      line,
      silence: end.at - (t0 + audibleEnds[line]!),
      lastPass: heard - end.at,
      release: released - heard,
      early: end.early,
    });
  }
  return { stages, finals };
}

function report(
  label: string,
  stages: Stage[],
  lines: string[],
  spans: { startMs: number; endMs: number }[],
  finals: { startMs: number; endMs: number; text: string }[],
): void {
  const ms = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} / p95 ${percentile(xs, 95).toFixed(0)} ms`;
  const total = stages.map((s) => s.silence + s.lastPass + s.release);
  let errors = 0;
  let words = 0;
  const heard = lines.map((reference, i) => {
    const text = finals
      .filter((f) => f.startMs < spans[i]!.endMs && f.endMs > spans[i]!.startMs)
      .map((f) => f.text)
      .join(' ');
    const e = wordErrors(reference, text);
    errors += e.errors;
    words += e.words;
    return text;
  });
  const digitsKept = NUMBER_LINES.filter((reference, i) => {
    const at = SENTENCES.length + i;
    return digitString(heard[at]!) === digitString(reference);
  }).length;
  console.log(
    `  ${label}: end of speech → final released ${ms(total)} over ${stages.length} lines (${stages.filter((s) => s.early).length} ended early); silence until the VAD's end ${ms(stages.map((s) => s.silence))}; last pass ${ms(stages.map((s) => s.lastPass))}; release ${ms(stages.map((s) => s.release))}; WER ${((errors / words) * 100).toFixed(1)} % (${errors}/${words}); digit strings heard whole ${digitsKept}/${NUMBER_LINES.length}`,
  );
  const short = stages.filter((s) => s.line >= SENTENCES.length + NUMBER_LINES.length);
  if (short.length > 0) console.log(`    short answers: release ${ms(short.map((s) => s.release))}`);
  for (const [i, text] of heard.entries())
    if (i >= SENTENCES.length && i < SENTENCES.length + NUMBER_LINES.length) console.log(`    heard: ${text}`);
}

const DIGIT: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
/** The digits a line reads out one by one ("seven seven three" → "773"). */
export function digitString(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .map((w) => DIGIT[w] ?? '')
    .join('');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotStagesBench();
