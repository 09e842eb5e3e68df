/**
 * Recording benchmark: what storing a call's audio costs per concurrent call. Each call has two
 * speakers with a minute of flite speech and pauses (16 kHz mono, as the bot's VAD hears it); N
 * calls record at once through CallRecording (FLAC segments by ffmpeg, checksums, a row per segment
 * in an embedded database, files in a local folder). Frames are pushed as fast as they are taken,
 * so CPU per minute of call is the figure, not wall time. CPU = this process + its encoder children (sox).
 * Run: npm run bench -- recording
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSql } from '../db/client.js';
import { createCall } from '../db/queries/calls.js';
import { upsertMerchant } from '../db/queries/people.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { ENGINE_SAMPLE_RATE } from '../pipelines/audio/frame.js';
import { CallRecording } from '../pipelines/recording/call-recording.js';
import { localAudioStore } from '../pipelines/recording/local-store.js';
import { composeSpeech, readSamples, synthesize, tempDir, type Piece } from '../test/audio/speech-fixtures.js';

const CALL_SECONDS = 60;
const FRAME = 320; // 20 ms, as the speech pipeline hands frames on

/** CPU of this process and of its finished children (ffmpeg), in ms. */
function cpuMs(): { self: number; children: number } {
  const { user, system } = process.cpuUsage();
  // /proc/self/stat fields 16 and 17: cutime and cstime of waited-for children, in clock ticks (100 Hz).
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { self: (user + system) / 1000, children: (Number(fields[13]) + Number(fields[14])) * 10 };
}

/** A minute of one speaker: sentences with the pauses of a conversation between them. */
function speakerMinute(dir: string, who: string, sentences: string[]): Int16Array {
  const pieces: Piece[] = [];
  for (const [i, text] of sentences.entries()) {
    pieces.push({ silenceMs: 1500 }, { speech: synthesize(text, join(dir, `${who}-${i}.wav`)) });
  }
  const once = readSamples(composeSpeech(pieces, join(dir, `${who}.wav`)).path);
  const out = new Int16Array(CALL_SECONDS * ENGINE_SAMPLE_RATE);
  for (let at = 0; at < out.length; at += once.length) out.set(once.subarray(0, out.length - at), at);
  return out;
}

export async function runRecordingBench(): Promise<void> {
  const tmp = tempDir('kefu-bench-recording-');
  const pg = await startEmbeddedPostgres();
  const sql = createSql(pg.url, { max: 1 });
  try {
    await migrate(sql);
    await upsertMerchant(sql, { id: 'm-bench', name: 'Bench' });
    const audio = {
      customer: speakerMinute(tmp.dir, 'customer', [
        'I ordered a blender last week and it arrived broken.',
        'My order number is four seven two nine one eight three.',
        'Please send me a replacement as soon as possible.',
      ]),
      merchant: speakerMinute(tmp.dir, 'merchant', [
        'I am sorry for the trouble, let me check your order.',
        'We can ship a new one tomorrow morning.',
        'Thank you for your patience, is there anything else?',
      ]),
    };
    const store = localAudioStore(join(tmp.dir, 'audio'));
    console.log(
      `  each call: 2 speakers × ${CALL_SECONDS} s of 16 kHz mono (raw PCM ${((2 * CALL_SECONDS * ENGINE_SAMPLE_RATE * 2) / 1e6).toFixed(2)} MB per call-minute)`,
    );
    for (const n of [1, 2, 4]) {
      const calls = await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const call = await createCall(sql, { room: `bench-${n}-${i}`, merchantId: 'm-bench', buyerId: 'b' });
          return { id: call.id, recording: await CallRecording.open({ sql, store, callId: call.id }) };
        }),
      );
      const before = cpuMs();
      const started = performance.now();
      await Promise.all(
        calls.map(async ({ recording }) => {
          const streams = (['customer', 'merchant'] as const).map((s) => [recording.stream(s, 0), audio[s]] as const);
          for (let at = 0; at < CALL_SECONDS * ENGINE_SAMPLE_RATE; at += FRAME) {
            for (const [stream, samples] of streams)
              stream.push({ data: samples.subarray(at, at + FRAME), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 });
            // A second of audio at a time, so the calls interleave as live ones do.
            if (at % ENGINE_SAMPLE_RATE === 0) await new Promise((resolve) => setImmediate(resolve));
          }
          await recording.close();
        }),
      );
      const wallMs = performance.now() - started;
      const after = cpuMs();
      const [{ bytes, segments }] = await sql<[{ bytes: number; segments: number }]>`
        select coalesce(sum(bytes), 0)::int as bytes, count(*)::int as segments from audio_segments
        where call_id = any(${calls.map((c) => c.id)}::uuid[])`;
      const selfMs = after.self - before.self;
      const childMs = after.children - before.children;
      const perCallMinute = (selfMs + childMs) / n / (CALL_SECONDS / 60);
      console.log(
        `  ${n} concurrent call(s): ${(perCallMinute / 1000).toFixed(2)} s CPU per call-minute (${(selfMs / n / 1000).toFixed(2)} s in Kefu, ${(childMs / n / 1000).toFixed(2)} s in the encoder), ${(bytes / n / (CALL_SECONDS / 60) / 1e6).toFixed(2)} MB stored per call-minute in ${segments / n} segments; wall ${(wallMs / 1000).toFixed(1)} s for ${n} × ${CALL_SECONDS} s of audio`,
      );
      if (n === 4)
        console.log(
          `  → recording alone would keep up with ~${Math.floor(60_000 / perCallMinute)} concurrent calls per CPU core`,
        );
    }
  } finally {
    await sql.end();
    await pg.stop();
    tmp.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runRecordingBench();
