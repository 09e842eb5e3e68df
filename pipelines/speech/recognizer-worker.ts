/**
 * One recognition thread: builds its own engine from the spec it was started with and runs the
 * streams the pool pins to it. Everything that blocks (decoding) happens here, never on the
 * event loop that moves a call's audio and suggestions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isKefuError } from '../../core/errors.js';
import type { SttStream } from './contract.js';
import { createLocalEngine } from './engine-spec.js';
import { type FromWorker, ToWorkerSchema, WorkerDataSchema } from './thread-protocol.js';

const port = parentPort;
if (!port) throw new Error('recognizer-worker runs as a worker thread of the recognition pool');
const send = (message: FromWorker) => port.postMessage(message);
const wire = (err: unknown) =>
  isKefuError(err)
    ? { code: err.code, message: err.message, retryable: err.retryable }
    : { code: 'STT_FAILED' as const, message: `recognition thread: ${String(err)}`, retryable: false };

const { spec } = WorkerDataSchema.parse(workerData);
const engine = createLocalEngine(spec);
const streams = new Map<number, { stt: SttStream; failed?: unknown }>();
try {
  engine.warmUp?.();
  send({ t: 'ready' });
} catch (err) {
  send({ t: 'unavailable', error: wire(err) });
}

port.on('message', async (raw: unknown) => {
  const m = ToWorkerSchema.parse(raw);
  if (m.t === 'open') {
    try {
      const stt = engine.openStream({
        language: m.language,
        onSegment: (segment) => send({ t: 'segment', stream: m.stream, segment }),
      });
      streams.set(m.stream, { stt });
    } catch (err) {
      // Reported at the stream's first end, as an in-process engine's push would throw.
      streams.set(m.stream, { stt: closedStream, failed: err });
    }
    return;
  }
  const s = streams.get(m.stream);
  if (!s) return m.t === 'push' ? undefined : send({ t: 'done', seq: m.seq });
  if (m.t === 'push') {
    if (s.failed) return;
    try {
      s.stt.push({ data: m.data, sampleRate: m.sampleRate, channels: 1 }, m.atMs);
    } catch (err) {
      s.failed = err;
    }
    return;
  }
  try {
    if (m.t === 'end' && s.failed) throw s.failed;
    await (m.t === 'end' ? s.stt.endUtterance() : s.stt.close());
    send({ t: 'done', seq: m.seq });
  } catch (err) {
    send({ t: 'done', seq: m.seq, error: wire(err) });
  } finally {
    if (m.t === 'end') s.failed = undefined;
    else streams.delete(m.stream);
  }
});

const closedStream: SttStream = {
  push: () => {},
  endUtterance: async () => {},
  close: async () => {},
};
