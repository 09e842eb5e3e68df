/**
 * Speech benchmark: word error rate of each engine that can run here on generated
 * customer-service English (flite), real-time factor of the whole pipeline (resample → Silero
 * VAD → STT), speaker streams one CPU core keeps up with, and end-of-speech → final latency.
 * Run: npx tsx bench/speech.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../core/config.js';
import { openWavChannels } from '../pipelines/audio/wav-read.js';
import type { SttEngine } from '../pipelines/speech/contract.js';
import { buildSttRouting } from '../pipelines/speech/router.js';
import { transcribeSpeakerStreams, type SpeakerSegment } from '../pipelines/speech/transcribe.js';
import { wordErrors } from '../pipelines/speech/wer.js';
import { composeSpeech, synthesize, tempDir, type Piece } from '../test/audio/speech-fixtures.js';
import { SENTENCES } from './speech-lines.js';
import { percentile } from './stats.js';

export { SENTENCES };

type Span = { startMs: number; endMs: number };
type Run = {
  finals: SpeakerSegment<'customer'>[];
  wallMs: number;
  cpuMs: number;
  latencies: number[];
  processing: number[];
};

/** Runs `copies` identical speaker streams concurrently through the full pipeline. */
async function transcribe(engine: SttEngine, path: string, spans: Span[], copies = 1): Promise<Run> {
  const channels = await Promise.all(Array.from({ length: copies }, () => openWavChannels(path)));
  const pending: (Span & { waitMs: number; at: number })[] = [];
  const latencies: number[] = [];
  const processing: number[] = [];
  const finals: SpeakerSegment<'customer'>[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for await (const final of transcribeSpeakerStreams({
    streams: channels.map(([c]) => ({ speaker: 'customer' as const, language: 'en' as const, frames: c!.frames })),
    engineFor: () => engine,
    onSpeechEnd: (s) => {
      // Live, the silence the VAD waits for past the true end of speech passes in wall time.
      const trueEnd = Math.max(
        ...spans.filter((t) => t.startMs < s.endMs && t.endMs > s.startMs).map((t) => t.endMs),
        s.endMs - 1,
      );
      if (copies === 1) pending.push({ ...s, waitMs: s.decidedAtMs - trueEnd, at: performance.now() });
    },
    onFinal: (f) => {
      const i = pending.findIndex((p) => f.startMs >= p.startMs && f.startMs <= p.endMs);
      if (i < 0) return;
      const [p] = pending.splice(i, 1);
      processing.push(performance.now() - p!.at);
      latencies.push(p!.waitMs + processing.at(-1)!);
    },
  }))
    finals.push(final);
  const used = process.cpuUsage(cpu);
  return {
    finals,
    wallMs: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    latencies,
    processing,
  };
}

/** Each reference sentence against the finals that overlap it in time. */
function corpusWer(spans: Span[], finals: (Span & { text: string })[]): number {
  let errors = 0;
  let words = 0;
  SENTENCES.forEach((reference, i) => {
    const heard = finals
      .filter((f) => f.startMs < spans[i]!.endMs && f.endMs > spans[i]!.startMs)
      .map((f) => f.text)
      .join(' ');
    const e = wordErrors(reference, heard);
    errors += e.errors;
    words += e.words;
  });
  return errors / words;
}

/**
 * Most concurrent streams one Node process (one thread decoding, one ORT thread) finishes faster
 * than real time, starting from the CPU-time estimate and scaling down by how far it fell behind.
 */
async function concurrentCapacity(engine: SttEngine, path: string, spans: Span[], audioMs: number, estimate: number) {
  for (let n = Math.max(1, estimate); ; ) {
    const run = await transcribe(engine, path, spans, n);
    const detail = `${n} × ${(audioMs / 1000).toFixed(0)} s of audio in ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU`;
    if (run.wallMs <= audioMs || n === 1) return { kept: run.wallMs <= audioMs ? n : 0, detail };
    n = Math.max(1, Math.min(n - 1, Math.floor((n * audioMs) / run.wallMs)));
  }
}

export async function runSpeechBench(): Promise<void> {
  const tmp = tempDir('kefu-speech-bench-');
  try {
    const pieces: Piece[] = [{ silenceMs: 500 }];
    SENTENCES.forEach((text, i) =>
      pieces.push({ speech: synthesize(text, join(tmp.dir, `s${i}.wav`)) }, { silenceMs: 1000 }),
    );
    const { path, spans } = composeSpeech(pieces, join(tmp.dir, 'calls.wav'));
    // Load runs repeat the audio per stream, so they use the first six sentences only.
    const short = composeSpeech(pieces.slice(0, 13), join(tmp.dir, 'short.wav'));
    const shortMs = short.spans.at(-1)!.endMs + 1000;
    const audioMs = spans.at(-1)!.endMs + 1000;
    console.log(
      `speech bench: ${SENTENCES.length} flite (slt) customer-service sentences, ${(audioMs / 1000).toFixed(1)} s of 16 kHz audio`,
    );

    const config = loadConfig();
    const routing = buildSttRouting({ ...config, stt: { engines: { en: 'pocketsphinx' } } });
    const extra = config.llm ? buildSttRouting({ ...config, stt: { engines: { en: 'openai' } } }) : undefined;
    const engines = [routing.engineFor('en'), extra?.engineFor('en')].filter((e): e is SttEngine => e !== undefined);
    if (!config.llm) console.log('  openai: not measured (no OPENAI_API_KEY / OPENAI_BASE_URL configured)');
    console.log('  whisper-local: not measured (no Whisper weights on this machine)');
    for (const miss of routing.missing) console.log(`  ${miss.language}: ${miss.reason}`);

    for (const engine of engines) {
      const single = await transcribe(engine, path, spans);
      const wer = corpusWer(spans, single.finals);
      const streams = await concurrentCapacity(
        engine,
        short.path,
        short.spans,
        shortMs,
        Math.floor(audioMs / single.cpuMs),
      );
      console.log(`  ${engine.name}:`);
      console.log(
        `    WER ${(wer * 100).toFixed(1)} % over ${SENTENCES.length} sentences (${single.finals.length} finals)`,
      );
      console.log(
        `    real-time factor ${(single.wallMs / audioMs).toFixed(3)} wall, ${(single.cpuMs / audioMs).toFixed(3)} CPU (one stream, resample + VAD + STT)`,
      );
      console.log(
        `    ${(audioMs / single.cpuMs).toFixed(1)} streams per core by CPU time of one stream; ${streams.kept} concurrent streams kept up in one process (${streams.detail})`,
      );
      console.log(
        `    end of speech → final: p50 ${percentile(single.latencies, 50).toFixed(0)} ms, p95 ${percentile(single.latencies, 95).toFixed(0)} ms (VAD end-of-speech wait + engine); engine alone p50 ${percentile(single.processing, 50).toFixed(0)} ms, p95 ${percentile(single.processing, 95).toFixed(0)} ms`,
      );
    }
    await Promise.all([routing.close(), extra?.close()]);
  } finally {
    tmp.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSpeechBench();
}
