/**
 * What skipping the VAD model on a quiet line (`VadOptions.quiet`, decision 0840) changes: the
 * bench's sentences, number lines and any lines file, each round-tripped through every channel of
 * bench bot-wer, laid end to end as one speaker's side of a call with gaps between them (digital
 * silence, or a noise floor under the whole side), then cut by `segmentSpeech` with every window
 * scored and with quiet windows skipped, side by side in one process. Prints per channel and floor:
 * utterances, cuts that differ, windows scored, the VAD's CPU; an utterance cut differently is
 * decoded both ways by the engine as the bot runs it and its word errors against the line printed.
 * Run: npm run bench -- vad-quiet (KEFU_BENCH_WER_LINES=file adds lines; KEFU_BENCH_QUIET_FLOORS=0,24,60
 * the noise floors' peaks, 0 = digital silence; KEFU_BENCH_QUIET='{"peak":64,"scoredWindows":8}' another setting;
 * KEFU_BENCH_QUIET_CHANNELS=wav,telephone some channels)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE_SAMPLE_RATE, type PcmFrame } from '../pipelines/audio/frame.js';
import { SileroScorer } from '../pipelines/audio/silero-model.js';
import { segmentSpeech, type VadEvent, VadOptionsSchema, type VadOptions } from '../pipelines/audio/vad.js';
import { PocketSphinxEngine } from '../pipelines/speech/pocketsphinx.js';
import { speak } from '../pipelines/speech/testing/conformance.js';
import { wordErrors } from '../pipelines/speech/wer.js';
import { readSamples, synthesize, tempDir } from '../test/audio/speech-fixtures.js';
import { loadAverage } from './bot-footprint.js';
import { NUMBER_LINES } from './bot-stages.js';
import { CHANNELS, roundTrip } from './bot-wer.js';
import { SENTENCES } from './speech.js';

const GAP_MS = [1500, 700, 2600, 1100];

type Cut = { startMs: number; endMs: number; audio: Int16Array };

export async function runVadQuietBench(): Promise<void> {
  const tmp = tempDir('kefu-vad-quiet-');
  const linesFile = process.env.KEFU_BENCH_WER_LINES;
  const texts = [
    ...SENTENCES,
    ...NUMBER_LINES,
    ...(linesFile
      ? readFileSync(linesFile, 'utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : []),
  ];
  const floors = (process.env.KEFU_BENCH_QUIET_FLOORS ?? '0,24,60').split(',').map(Number);
  const quiet = VadOptionsSchema.parse({
    ...(process.env.KEFU_BENCH_QUIET ? { quiet: JSON.parse(process.env.KEFU_BENCH_QUIET) } : {}),
  }).quiet;
  const variants: [string, VadOptions][] = [
    ['every window scored', { quiet: false }],
    [`quiet skipped ${JSON.stringify(quiet)}`, { quiet }],
  ];
  // Counts the model's runs and the windows it skipped.
  const counts = { scored: 0, skipped: 0 };
  const score = SileroScorer.prototype.score;
  const skip = SileroScorer.prototype.skip;
  SileroScorer.prototype.score = function (w) {
    counts.scored++;
    return score.call(this, w);
  };
  SileroScorer.prototype.skip = function (w) {
    counts.skipped++;
    return skip.call(this, w);
  };
  const engine = new PocketSphinxEngine({ vocabulary: 'service-calls' });
  console.log(
    `vad-quiet: ${texts.length} lines (flite) per channel as one side of a call, gaps ${GAP_MS.join('/')} ms, noise floors (peak) ${floors.join(', ')}; ${variants.map(([l]) => l).join(' vs ')}`,
  );
  try {
    const wavs = texts.map((text, i) => ({
      text,
      wav: synthesize(text, join(tmp.dir, `${i}.wav`)),
      stem: join(tmp.dir, `${i}`),
    }));
    const only = process.env.KEFU_BENCH_QUIET_CHANNELS?.split(',');
    const total = { differ: 0, utterances: 0, errorsBase: 0, errorsGated: 0, words: 0, scored: [0, 0], cpuMs: [0, 0] };
    for (const [channel, codec] of Object.entries(CHANNELS)) {
      if (only && !only.some((o) => channel.startsWith(o))) continue;
      const speech = await Promise.all(
        wavs.map(async (l) => readSamples(codec ? await roundTrip(l.wav, codec, l.stem) : l.wav)),
      );
      for (const floor of floors) {
        const { samples, spans } = side(speech, floor);
        const results = [];
        for (const [label, options] of variants) {
          counts.scored = 0;
          counts.skipped = 0;
          const cpu = process.cpuUsage();
          const cuts = await cutsOf(samples, options);
          const used = process.cpuUsage(cpu);
          results.push({ label, cuts, cpuMs: (used.user + used.system) / 1000, ...counts });
        }
        const [base, gated] = results as [(typeof results)[0], (typeof results)[0]];
        const differ: [Cut | undefined, Cut | undefined][] = [];
        for (let i = 0; i < Math.max(base.cuts.length, gated.cuts.length); i++) {
          const a = base.cuts[i];
          const b = gated.cuts[i];
          if (!a || !b || a.startMs !== b.startMs || a.endMs !== b.endMs || !same(a.audio, b.audio))
            differ.push([a, b]);
        }
        const audioS = samples.length / ENGINE_SAMPLE_RATE;
        console.log(`  ${channel}, floor ${floor}: ${audioS.toFixed(0)} s of audio, ${spans.length} lines`);
        for (const r of results)
          console.log(
            `    ${r.label.padEnd(52)} ${r.cuts.length} utterances; windows scored ${r.scored}, skipped ${r.skipped}; VAD CPU ${r.cpuMs.toFixed(0)} ms (${((r.cpuMs / (audioS * 1000)) * 100).toFixed(2)} % of real time)`,
          );
        console.log(`    cuts that differ: ${differ.length}`);
        total.differ += differ.length;
        total.utterances += base.cuts.length;
        results.forEach((r, k) => {
          total.scored[k]! += r.scored;
          total.cpuMs[k]! += r.cpuMs;
        });
        for (const [a, b] of differ) {
          const line = (c: Cut | undefined) =>
            c ? spans.findIndex((s) => s.startMs < c.endMs && c.startMs < s.endMs) : -1;
          const words = async (c: Cut | undefined) =>
            c ? ((await speak(engine, c.audio, 'en', c.startMs)).find((s) => s.final)?.text ?? '') : '';
          const i = Math.max(line(a), line(b));
          const ref = i >= 0 ? texts[i]! : '';
          const [wa, wb] = [await words(a), await words(b)];
          total.errorsBase += wordErrors(ref, wa).errors;
          total.errorsGated += wordErrors(ref, wb).errors;
          total.words += wordErrors(ref, ref).words;
          console.log(
            `      ${a ? `${a.startMs}–${a.endMs}` : '—'} vs ${b ? `${b.startMs}–${b.endMs}` : '—'} ms: errors ${wordErrors(ref, wa).errors} vs ${wordErrors(ref, wb).errors} of ${wordErrors(ref, ref).words} ("${wa}" / "${wb}")`,
          );
        }
      }
    }
    console.log(
      `  in all: ${total.differ} of ${total.utterances} utterances cut differently; on those, word errors ${total.errorsBase} (every window) vs ${total.errorsGated} (quiet skipped) of ${total.words}; windows scored ${total.scored.join(' vs ')}; VAD CPU ${total.cpuMs.map((c) => c.toFixed(0)).join(' vs ')} ms`,
    );
  } finally {
    await engine.close();
    SileroScorer.prototype.score = score;
    SileroScorer.prototype.skip = skip;
    tmp.remove();
  }
  console.log(`  load average ${loadAverage()}`);
}

/** The lines end to end with gaps, and a noise floor of this peak under all of it (0: none). */
function side(
  speech: Int16Array[],
  floor: number,
): { samples: Int16Array; spans: { startMs: number; endMs: number }[] } {
  const gap = (i: number) => GAP_MS[i % GAP_MS.length]! * 16;
  const total = speech.reduce((n, s, i) => n + s.length + gap(i), gap(speech.length));
  const samples = new Int16Array(total);
  const spans: { startMs: number; endMs: number }[] = [];
  let at = 0;
  speech.forEach((s, i) => {
    at += gap(i);
    samples.set(s, at);
    spans.push({ startMs: at / 16, endMs: (at + s.length) / 16 });
    at += s.length;
  });
  let seed = 11;
  if (floor > 0)
    for (let i = 0; i < samples.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      samples[i] = Math.max(-32768, Math.min(32767, samples[i]! + Math.round(((seed / 0x7fffffff) * 2 - 1) * floor)));
    }
  return { samples, spans };
}

async function cutsOf(samples: Int16Array, options: VadOptions): Promise<Cut[]> {
  // 64 ms frames, as the bot's tracks arrive (agent/speaker-stream.ts).
  async function* frames(): AsyncGenerator<PcmFrame> {
    for (let i = 0; i < samples.length; i += 1024)
      yield { data: samples.subarray(i, i + 1024), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 };
  }
  const cuts: Cut[] = [];
  let parts: Int16Array[] = [];
  for await (const e of segmentSpeech(frames(), { earlyEndSilenceMs: 250, ...options }) as AsyncGenerator<VadEvent>) {
    if (e.type === 'start') parts = [];
    else if (e.type === 'audio') parts.push(e.frame.data);
    else {
      const audio = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        audio.set(p, at);
        at += p.length;
      }
      cuts.push({ startMs: e.startMs, endMs: e.endMs, audio });
    }
  }
  return cuts;
}

function same(a: Int16Array, b: Int16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runVadQuietBench();
