/**
 * Speech recognition in worker threads, behind the ordinary engine contract: a pool of threads,
 * each with its own engine built from the same spec. A stream's state lives only within an
 * utterance (the contract pushes audio only between an utterance's start and its end), so each
 * utterance, not each stream, is placed: on the thread with the fewest utterances being decoded
 * at that moment (decision 0285). Two calls' customers speaking at once then decode side by side
 * rather than queue on one thread, and a thread loads a second decoder only when every thread is
 * already busy. One busy stream never holds up another call's audio on the event loop either.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RUNNING_COMPILED } from '../../core/paths.js';
import { KefuError } from '../../core/errors.js';
import { sttError, type SttEngine, type SttStream, type SttStreamOptions, type SttSegment } from './contract.js';
import { createLocalEngine, type LocalEngineSpec } from './engine-spec.js';
import { type FromWorker, FromWorkerSchema, type ToWorker } from './thread-protocol.js';

const ENTRY = new URL(RUNNING_COMPILED ? './recognizer-worker.js' : './recognizer-worker-tsx.js', import.meta.url);

/** How long close() lets a thread finish loading its model before stopping it anyway. */
const LOAD_WAIT_MS = 15_000;

type Wire = { code: KefuError['code']; message: string; retryable: boolean };
const fromWire = (e: Wire) => new KefuError(e.code, e.message, { retryable: e.retryable });

class RecognizerThread {
  readonly worker: Worker;
  /** Utterances placed here and not yet ended (pushed, or their last pass running). */
  busy = 0;
  /** Pool streams opened on this thread (lazily, at their first utterance here). */
  readonly streams = new Set<number>();
  readonly ready: Promise<void>;
  private readonly segments = new Map<number, (s: SttSegment) => void>();
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  unavailable: KefuError | undefined;

  constructor(spec: LocalEngineSpec) {
    this.worker = new Worker(ENTRY, { workerData: { spec } });
    // A recognition thread must never keep a finished process alive.
    this.worker.unref();
    let started: (error?: KefuError) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = (error) => (error ? reject(error) : resolve());
    });
    this.ready.catch(() => {});
    this.worker.on('message', (raw: unknown) => this.received(FromWorkerSchema.parse(raw), started));
    this.worker.on('error', (err) => this.fail(sttError('failed', `recognition thread crashed: ${err.message}`)));
    this.worker.on('exit', (code) => this.fail(sttError('failed', `recognition thread exited (${code})`)));
  }

  post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (this.unavailable) return;
    this.worker.postMessage(message, transfer);
  }

  /** Sends `end`/`close` and settles when the thread has handled it. */
  request(message: Extract<ToWorker, { seq: number }>): Promise<void> {
    if (this.unavailable) return Promise.reject(this.unavailable);
    return new Promise((resolve, reject) => {
      this.waiting.set(message.seq, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  listen(stream: number, onSegment: ((s: SttSegment) => void) | undefined): void {
    if (onSegment) this.segments.set(stream, onSegment);
    else this.segments.delete(stream);
  }

  private received(m: FromWorker, started: (error?: KefuError) => void): void {
    if (m.t === 'ready') return started();
    if (m.t === 'unavailable') {
      this.unavailable = fromWire(m.error);
      return started(this.unavailable);
    }
    if (m.t === 'segment') return this.segments.get(m.stream)?.(m.segment);
    const waiter = this.waiting.get(m.seq);
    this.waiting.delete(m.seq);
    if (m.error) waiter?.reject(fromWire(m.error));
    else waiter?.resolve();
  }

  private fail(err: KefuError): void {
    this.unavailable ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}

export interface RecognizerPoolOptions {
  /** Threads; by default one per core this process may use. */
  threads?: number;
}

/** An engine whose streams run in worker threads; same name and capabilities as the engine it wraps. */
export class RecognizerPool implements SttEngine {
  readonly name: string;
  readonly capabilities: SttEngine['capabilities'];
  readonly size: number;
  private readonly threads: RecognizerThread[] = [];
  private nextStream = 0;
  private nextSeq = 0;
  private closed = false;

  constructor(
    private readonly spec: LocalEngineSpec,
    options: RecognizerPoolOptions = {},
  ) {
    // Built here only for its name and capabilities: its models load in the threads.
    const described = createLocalEngine(spec);
    this.name = described.name;
    this.capabilities = described.capabilities;
    this.size = Math.max(1, options.threads ?? availableParallelism());
  }

  /**
   * Starts every thread and waits until each has loaded its model (rejecting with why one can't).
   * Ahead of the call: a thread started when a speaker's stream opens takes seconds to load on a
   * busy host, and that speaker's first words wait for it (the bench saw the first turn's final
   * arrive after the next turn had been spoken).
   */
  async start(): Promise<this> {
    while (this.threads.length < this.size) this.threads.push(new RecognizerThread(this.spec));
    await Promise.all(this.threads.map((t) => t.ready));
    return this;
  }

  /** Utterances being decoded per thread, for tests and the bench. */
  get load(): number[] {
    return this.threads.map((t) => t.busy);
  }

  openStream({ language, onSegment }: SttStreamOptions): SttStream {
    if (!this.capabilities.languages.includes(language))
      throw sttError(
        'unavailable',
        `${this.name} has no ${language} model; it serves ${this.capabilities.languages.join(', ')}`,
      );
    if (this.closed) throw sttError('failed', `${this.name}: recognition pool closed`);
    const stream = this.nextStream++;
    /** The thread of the utterance in progress, and of the last one until its end is answered. */
    let current: RecognizerThread | undefined;
    let pushing = false;
    let ending: Promise<void> = Promise.resolve();
    let closed = false;
    const used = new Set<RecognizerThread>();
    return {
      push: (frame, atMs) => {
        if (closed) throw sttError('failed', `${this.name} stream used after close`);
        if (!pushing) {
          // A new utterance. While the last one's end is unanswered it stays on that thread, so the
          // stream's finals keep their order; otherwise it goes where decoding is least busy.
          current = current ?? this.place();
          current.busy++;
          pushing = true;
          if (!current.streams.has(stream)) {
            current.streams.add(stream);
            current.listen(stream, onSegment);
            current.post({ t: 'open', stream, language });
          }
          used.add(current);
        }
        // A copy of just this frame (a view would clone its whole buffer), moved rather than copied again.
        const data = frame.data.slice();
        current!.post({ t: 'push', stream, data, sampleRate: frame.sampleRate, atMs }, [data.buffer]);
      },
      endUtterance: () => {
        const thread = current;
        if (!thread || !pushing) return ending;
        pushing = false;
        // Posted now, not after `ready`: a frame pushed next must reach the thread after this end.
        const done = thread.request({ t: 'end', stream, seq: this.nextSeq++ }).finally(() => {
          thread.busy--;
          if (current === thread && !pushing) current = undefined;
        });
        ending = done.catch(() => {});
        return done;
      },
      close: async () => {
        if (closed) return;
        closed = true;
        if (pushing && current) current.busy--;
        pushing = false;
        await Promise.all(
          [...used].map(async (thread) => {
            try {
              await thread.request({ t: 'close', stream, seq: this.nextSeq++ });
            } finally {
              thread.streams.delete(stream);
              thread.listen(stream, undefined);
            }
          }),
        );
      },
    };
  }

  /** The thread for a new utterance: the least busy; a new one while the pool is below its size and all are busy. */
  private place(): RecognizerThread {
    if (this.closed) throw sttError('failed', `${this.name}: recognition pool closed`);
    const healthy = this.threads.filter((t) => !t.unavailable);
    const candidates = healthy.length > 0 ? healthy : this.threads;
    const least = candidates.reduce<RecognizerThread | undefined>((a, b) => (a && a.busy <= b.busy ? a : b), undefined);
    if (least && (least.busy === 0 || this.threads.length >= this.size)) return least;
    const fresh = new RecognizerThread(this.spec);
    this.threads.push(fresh);
    return fresh;
  }

  async close(): Promise<void> {
    this.closed = true;
    // A thread is stopped only once its model has loaded (or failed to): terminating one inside the
    // native load can abort the whole process (seen as SIGABRT when a replay refused its input).
    const settled = (t: RecognizerThread) =>
      Promise.race([t.ready.catch(() => {}), new Promise((resolve) => setTimeout(resolve, LOAD_WAIT_MS).unref())]);
    await Promise.all(
      this.threads.splice(0).map(async (t) => {
        await settled(t);
        await t.worker.terminate();
      }),
    );
  }
}
