/**
 * The PocketSphinx decoder's settings side by side: for the project's settings file
 * (pipelines/speech/data/pocketsphinx.json) and each candidate below, word errors on the speech
 * bench's sentences in two voices (flite, espeak-ng), the time of the utterance's last pass (`ps_end_utt`: what the customer
 * waits for after the VAD ends the turn) and the decoding CPU while audio arrives. One decoder per
 * candidate, sentences interleaved across candidates so the machine's other load falls on all alike.
 * Word errors moved by 2–10 of 444 words between runs of the same settings; times move with load.
 * Decoded with the vocabulary KEFU_STT_VOCABULARY picks (service-calls by default, decision 0700), as
 * the bot decodes. Candidates of decision 0800: search settings not tried before (frame downsampling,
 * beams, top-N Gaussians, words per frame), alone and together.
 * Run: npm run bench -- bot-decoder
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { decoderArgv, loadDecoderSettings } from '../pipelines/speech/decoder-settings.js';
import { loadConfig } from '../core/config.js';
import { SERVICE_CALLS_VOCABULARY } from '../pipelines/speech/pocketsphinx.js';
import { DEBIAN_EN_US_MODEL, Decoder } from '../pipelines/speech/pocketsphinx-ffi.js';
import { wordErrors } from '../pipelines/speech/wer.js';
import { readSamples, synthesize, tempDir } from '../test/audio/speech-fixtures.js';
import { loadAverage } from './bot-footprint.js';
import { SENTENCES } from './speech.js';
import { percentile } from './stats.js';

/**
 * Candidate flags over the settings file's (a flag given in both takes the candidate's value).
 * KEFU_BENCH_DECODER_CANDIDATES (JSON, label → flags) replaces them, e.g. '{"ds 2":{"-ds":"2"}}'.
 */
const DEFAULT_CANDIDATES: Record<string, Record<string, string>> = {
  // The file's settings again, in their own decoder: this run's same-settings spread.
  'the same settings again': {},
  'flat pass (settings v1)': { '-fwdflat': 'yes' },
  'no flat pass': { '-fwdflat': 'no' },
  'no flat pass, fewer HMMs per frame': { '-fwdflat': 'no', '-maxhmmpf': '3000' },
  'flat pass, narrower word beam': { '-fwdflat': 'yes', '-fwdflatwbeam': '1e-20' },
  'flat pass, word window 2': { '-fwdflat': 'yes', '-fwdflatefwid': '2', '-fwdflatsfwin': '15' },
  'fewer words per frame': { '-maxwpf': '10' },
  'top 2 Gaussians': { '-topn': '2' },
  // Decision 0800: every second frame searched (the acoustic scores of the skipped one reused).
  'ds 2': { '-ds': '2' },
  'pl_window 3': { '-pl_window': '3' },
  'pl_window 8': { '-pl_window': '8' },
  'top 3 Gaussians': { '-topn': '3' },
  // The library's defaults: -beam 1e-48, -wbeam 7e-29, -pbeam 1e-48, -lpbeam 1e-40, -lponlybeam 7e-29.
  'beam 1e-40': { '-beam': '1e-40', '-pbeam': '1e-40' },
  'beam 1e-35': { '-beam': '1e-35', '-pbeam': '1e-35' },
  'wbeam 1e-20': { '-wbeam': '1e-20' },
  'lpbeam 1e-30, lponlybeam 1e-20': { '-lpbeam': '1e-30', '-lponlybeam': '1e-20' },
  'lpbeam 1e-30': { '-lpbeam': '1e-30' },
  'maxwpf 5': { '-maxwpf': '5' },
  'ds 2, beam 1e-40': { '-ds': '2', '-beam': '1e-40', '-pbeam': '1e-40' },
  // Decision 0895: the second pass's own beams (library defaults -fwdflatbeam 1e-64, -fwdflatwbeam 7e-29).
  'flat beams 1e-40 / 1e-24': { '-fwdflatbeam': '1e-40', '-fwdflatwbeam': '1e-24' },
  'flat beams 1e-32 / 1e-20': { '-fwdflatbeam': '1e-32', '-fwdflatwbeam': '1e-20' },
};
const CANDIDATES = candidatesFrom(process.env.KEFU_BENCH_DECODER_CANDIDATES);

function candidatesFrom(raw: string | undefined): Record<string, Record<string, string>> {
  if (!raw) return DEFAULT_CANDIDATES;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`KEFU_BENCH_DECODER_CANDIDATES is not JSON (${(err as Error).message})`);
  }
  const parsed = z.record(z.string(), z.record(z.string(), z.string())).safeParse(json);
  if (!parsed.success)
    throw new Error(
      `KEFU_BENCH_DECODER_CANDIDATES must map a label to flags, e.g. '{"ds 2":{"-ds":"2"}}' (${parsed.error.issues[0]!.message})`,
    );
  return parsed.data;
}

/**
 * `cpuMs`: this thread's CPU for the whole decode (audio in and last pass): what load does not inflate;
 * `endCpuMs`: the part of it in the last pass (`ps_end_utt`: the flat-lexicon second pass and the best path).
 */
type Tally = { errors: number; words: number; endMs: number[]; pushMs: number; cpuMs: number; endCpuMs: number };

export async function runBotDecoderBench(): Promise<void> {
  const tmp = tempDir('kefu-bot-decoder-');
  try {
    // Two voices, each sentence with the VAD's 150 ms of pad on both sides, as the bot hands it over.
    const pad = new Int16Array(150 * 16);
    const voices = ['flite-slt', 'espeak-en'] as const;
    const lines = voices.flatMap((voice) =>
      SENTENCES.map((text, i) => {
        const speech = readSamples(synthesize(text, join(tmp.dir, `${voice}-${i}.wav`), voice));
        const samples = new Int16Array(speech.length + 2 * pad.length);
        samples.set(speech, pad.length);
        return { text, samples };
      }),
    );
    const base = loadDecoderSettings();
    const configured = loadConfig().stt.vocabulary;
    const vocabulary = configured === 'service-calls' ? SERVICE_CALLS_VOCABULARY : undefined;
    const variants = [
      {
        // With flatPass `numbers` (v4), only utterances reading a number are decoded so; the rest as "no flat pass".
        label: `settings v${base.version}${base.flatPass === 'numbers' ? ' (numbers)' : ''}`,
        argv: decoderArgv(base),
      },
      ...Object.entries(CANDIDATES).map(([label, extra]) => ({
        label,
        argv: decoderArgv({ ...base, args: { ...base.args, ...extra } }),
      })),
    ].map((v) => ({ ...v, decoder: Decoder.create(DEBIAN_EN_US_MODEL, v.argv, { vocabulary }), tally: empty() }));
    for (const line of lines) for (const v of variants) decode(v.decoder, line.samples, line.text, v.tally);
    const total = lines.reduce((ms, l) => ms + l.samples.length / 16, 0);
    console.log(
      `bot-decoder: the speech bench's ${SENTENCES.length} sentences in ${voices.join(' and ')}, ${(total / 1000).toFixed(0)} s of audio per candidate, ${DEBIAN_EN_US_MODEL}, vocabulary ${configured}`,
    );
    for (const v of variants) {
      const t = v.tally;
      console.log(
        `  ${v.label.padEnd(32)} WER ${((t.errors / t.words) * 100).toFixed(1)} % (${t.errors}/${t.words}); last pass (ps_end_utt) p50 ${percentile(t.endMs, 50).toFixed(0)} ms, p95 ${percentile(t.endMs, 95).toFixed(0)} ms; decoding while audio arrives ${((t.pushMs / total) * 100).toFixed(1)} % of real time; CPU ${((t.cpuMs / total) * 100).toFixed(1)} % of real time (last pass ${((t.endCpuMs / t.cpuMs) * 100).toFixed(0)} % of it)   ${v.argv.join(' ')}`,
      );
      v.decoder.free();
    }
    console.log(`  load average ${loadAverage()} (machine shared with other work: compare the lines, not absolutes)`);
  } finally {
    tmp.remove();
  }
}

const empty = (): Tally => ({ errors: 0, words: 0, endMs: [], pushMs: 0, cpuMs: 0, endCpuMs: 0 });

function decode(decoder: Decoder, samples: Int16Array, reference: string, tally: Tally): void {
  const cpu = process.cpuUsage();
  decoder.start();
  const started = performance.now();
  // 32 ms frames, as the bot's speaker streams hand them over.
  for (let i = 0; i < samples.length; i += 512) decoder.process(samples.subarray(i, i + 512));
  const ended = performance.now();
  const endCpu = process.cpuUsage();
  const words = decoder.end();
  tally.endMs.push(performance.now() - ended);
  const endUsed = process.cpuUsage(endCpu);
  tally.endCpuMs += (endUsed.user + endUsed.system) / 1000;
  tally.pushMs += ended - started;
  const used = process.cpuUsage(cpu);
  tally.cpuMs += (used.user + used.system) / 1000;
  const e = wordErrors(reference, words.map((w) => w.word).join(' '));
  tally.errors += e.errors;
  tally.words += e.words;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotDecoderBench();
