/**
 * Word errors of the PocketSphinx engine by decoder setting and by what the audio went through on
 * its way: the speech bench's sentences and the stage bench's number lines, synthesised, then
 * round-tripped by ffmpeg through mp3, Opus and a telephone channel (300–3,400 Hz, 8 kHz μ-law)
 * and back to 16 kHz, each decoded by the engine as the bot runs it (150 ms of pad either side, 20 ms
 * frames) under the project's settings and each candidate (v4's quick search, on a line without a
 * number, is v2's search without the flat pass). Decision 0326 kept the flat pass for
 * every utterance until the quick search was measured on such audio; this is that measurement.
 * Lines are interleaved across settings so the machine's other load falls on all alike (word
 * errors do not depend on load). KEFU_BENCH_VOICES=flite-slt,espeak-en picks the voices (flite by default);
 * KEFU_BENCH_WER_CANDIDATES (JSON, label → { flatPass?, args?, vocabulary? }) replaces the candidates, e.g.
 * '{"maxhmmpf 2000":{"args":{"-maxhmmpf":"2000"}}}'; KEFU_BENCH_WER_LINES (a file, a line each) replaces the lines; by default the one candidate is the vocabulary
 * KEFU_STT_VOCABULARY does not pick (general or service-calls, decision 0700). Each setting's CPU while decoding is printed
 * as % of the audio's real time (the process's CPU around each decode: load does not inflate it).
 * Run: npm run bench -- bot-wer
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadConfig, SttVocabulary } from '../core/config.js';
import { runTool } from '../pipelines/audio/ffmpeg.js';
import { EN_NUMBER } from '../pipelines/language/index.js';
import { DECODER_SETTINGS_FILE } from '../pipelines/speech/decoder-settings.js';
import { PocketSphinxEngine } from '../pipelines/speech/pocketsphinx.js';
import { speak } from '../pipelines/speech/testing/conformance.js';
import { wordErrors } from '../pipelines/speech/wer.js';
import { readSamples, synthesize, tempDir, type Voice } from '../test/audio/speech-fixtures.js';
import { loadAverage } from './bot-footprint.js';
import { NUMBER_LINES } from './bot-stages.js';
import { SENTENCES } from './speech.js';

/** ffmpeg's encoder arguments for each channel; every one is decoded back to 16 kHz mono PCM. */
export const CHANNELS: Record<string, { ext: string; args: string[] } | undefined> = {
  'wav 16 kHz': undefined,
  'telephone 8 kHz μ-law': {
    ext: 'wav',
    args: ['-af', 'highpass=f=300,lowpass=f=3400', '-ar', '8000', '-c:a', 'pcm_mulaw'],
  },
  'mp3 32 kb/s': { ext: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '32k'] },
  'opus 16 kb/s': { ext: 'ogg', args: ['-c:a', 'libopus', '-b:a', '16k'] },
};

/** Over the project's settings file: flatPass and flags (a flag given in both takes the candidate's). */
const CandidatesSchema = z.record(
  z.string(),
  z.object({
    flatPass: z.enum(['always', 'numbers']).optional(),
    args: z.record(z.string(), z.string()).optional(),
    /** A vocabulary by name, or a built candidate's files (build-domain-lm.ts --spec FILE --out DIR). */
    vocabulary: z.union([SttVocabulary, z.object({ lm: z.string().min(1), dict: z.string().min(1) })]).optional(),
  }),
);
const CANDIDATES = candidatesFrom(process.env.KEFU_BENCH_WER_CANDIDATES);

function candidatesFrom(raw: string | undefined): z.infer<typeof CandidatesSchema> {
  if (!raw) {
    const other = SttVocabulary.options.find((v) => v !== loadConfig().stt.vocabulary)!;
    return { [`vocabulary ${other}`]: { vocabulary: other } };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`KEFU_BENCH_WER_CANDIDATES is not JSON (${(err as Error).message})`);
  }
  const parsed = CandidatesSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `KEFU_BENCH_WER_CANDIDATES must map a label to { flatPass?, args? }, e.g. '{"maxhmmpf 2000":{"args":{"-maxhmmpf":"2000"}}}' (${parsed.error.issues[0]!.message})`,
    );
  return parsed.data;
}

const NUMBER_WORD = new RegExp(EN_NUMBER, 'i');

export async function runBotWerBench(): Promise<void> {
  const tmp = tempDir('kefu-bot-wer-');
  try {
    const shipped = JSON.parse(readFileSync(DECODER_SETTINGS_FILE, 'utf8')) as {
      version: number;
      args: Record<string, string>;
    };
    const configured = loadConfig().stt.vocabulary;
    const settings = [
      {
        label: `settings v${shipped.version}, ${configured} (the project's)`,
        file: DECODER_SETTINGS_FILE,
        vocabulary: configured,
      },
      ...Object.entries(CANDIDATES).map(([label, { vocabulary, ...c }], i) => {
        const file = join(tmp.dir, `candidate-${i}.json`);
        writeFileSync(file, JSON.stringify({ ...shipped, ...c, args: { ...shipped.args, ...c.args } }));
        return { label, file, vocabulary: vocabulary ?? configured };
      }),
    ].map((s) => ({ ...s, engine: new PocketSphinxEngine({ settingsFile: s.file, vocabulary: s.vocabulary }) }));
    const voices = (process.env.KEFU_BENCH_VOICES?.split(',').filter(Boolean) ?? ['flite-slt']) as Voice[];
    // KEFU_BENCH_WER_LINES: a file of other lines, one a line (e.g. eval/speech-probe-16/lines.txt).
    const linesFile = process.env.KEFU_BENCH_WER_LINES;
    const texts = linesFile
      ? readFileSync(linesFile, 'utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : [...SENTENCES, ...NUMBER_LINES];
    const pad = new Int16Array(150 * 16);
    const pct = (errors: number, words: number) => `${((errors / words) * 100).toFixed(1)} % (${errors}/${words})`;
    console.log(
      `bot-wer: ${linesFile ? `${texts.length} lines of ${linesFile}` : `${SENTENCES.length} sentences and ${NUMBER_LINES.length} number lines`} in ${voices.join(', ')}, each channel decoded per utterance by the engine under each setting (printed as each channel is done)`,
    );
    const lines = voices.flatMap((voice) =>
      texts.map((text, i) => ({
        text,
        wav: synthesize(text, join(tmp.dir, `${voice}-${i}.wav`), voice),
        stem: join(tmp.dir, `${voice}-${i}`),
      })),
    );
    try {
      for (const [channel, codec] of Object.entries(CHANNELS)) {
        const tallies = settings.map(() => ({ errors: 0, words: 0, numberErrors: 0, numberWords: 0, cpuMs: 0 }));
        let audioMs = 0;
        for (const line of lines) {
          const speech = readSamples(codec ? await roundTrip(line.wav, codec, line.stem) : line.wav);
          const samples = new Int16Array(speech.length + 2 * pad.length);
          samples.set(speech, pad.length);
          audioMs += samples.length / 16;
          for (const [k, s] of settings.entries()) {
            const cpu = process.cpuUsage();
            const heard = (await speak(s.engine, samples, 'en')).find((seg) => seg.final)?.text ?? '';
            const used = process.cpuUsage(cpu);
            const e = wordErrors(line.text, heard);
            const t = tallies[k]!;
            t.cpuMs += (used.user + used.system) / 1000;
            t.errors += e.errors;
            t.words += e.words;
            if (NUMBER_WORD.test(line.text)) {
              t.numberErrors += e.errors;
              t.numberWords += e.words;
            }
          }
        }
        console.log(`  ${channel}`);
        for (const [k, s] of settings.entries()) {
          const t = tallies[k]!;
          console.log(
            `    ${s.label.padEnd(36)} WER ${pct(t.errors, t.words)}; number lines ${pct(t.numberErrors, t.numberWords)}; CPU ${((t.cpuMs / audioMs) * 100).toFixed(1)} % of real time`,
          );
        }
      }
      for (const s of settings.filter((x) => x.label.includes('numbers')))
        console.log(
          `  ${s.label}: utterances ended quick / moved to the flat pass: ${s.engine.ended.quick} / ${s.engine.ended.full}`,
        );
    } finally {
      for (const s of settings) await s.engine.close();
    }
    console.log(`  load average ${loadAverage()} (word errors do not depend on it)`);
  } finally {
    tmp.remove();
  }
}

/** `wav` encoded with the channel's codec and decoded back to 16 kHz mono 16-bit PCM. */
export async function roundTrip(wav: string, codec: { ext: string; args: string[] }, stem: string): Promise<string> {
  const coded = `${stem}.coded.${codec.ext}`;
  const back = `${stem}.back.wav`;
  const ffmpeg = (args: string[]) => runTool('ffmpeg', ['-v', 'error', '-y', ...args], { label: wav });
  await ffmpeg(['-i', wav, ...codec.args, coded]);
  await ffmpeg([
    '-i',
    coded,
    '-ar',
    '16000',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    back,
  ]);
  return back;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBotWerBench();
