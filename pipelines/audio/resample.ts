import { ENGINE_SAMPLE_RATE, type PcmFrame } from './frame.js';

/**
 * Streaming windowed-sinc resampler for one mono channel. Rates are integers, so the ratio is
 * an exact fraction L/M and every output sample falls on one of L filter phases, precomputed
 * once: no drift over an hour of audio and no per-sample trigonometry. The cut-off sits just
 * below the lower Nyquist frequency so 48 kHz → 16 kHz doesn't fold 8–24 kHz into speech.
 */
export class Resampler {
  private readonly up: number;
  private readonly down: number;
  private readonly half: number;
  private readonly phases: Float32Array[];
  /** Input not yet consumed; `pending[0]` is input sample number `pendingStart`. */
  private pending = new Float32Array(0);
  private pendingStart = 0;
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly from: number,
    readonly to: number,
    taps = 32,
  ) {
    const g = gcd(from, to);
    this.up = to / g;
    this.down = from / g;
    const scale = Math.min(1, to / from);
    this.half = Math.ceil(taps / 2 / scale);
    const cutoff = 0.5 * scale * 0.95;
    this.phases = Array.from({ length: this.up }, (_, p) => {
      const row = new Float32Array(2 * this.half);
      for (let j = 0; j < row.length; j++) {
        const d = j - this.half + 1 - p / this.up;
        const window = 0.5 + 0.5 * Math.cos((Math.PI * d) / this.half);
        row[j] = Math.abs(d) >= this.half ? 0 : 2 * cutoff * sinc(2 * cutoff * d) * window;
      }
      const sum = row.reduce((s, w) => s + w, 0);
      return row.map((w) => w / sum);
    });
  }

  process(input: Int16Array): Int16Array {
    if (this.up === this.down) return input;
    const joined = new Float32Array(this.pending.length + input.length);
    joined.set(this.pending);
    joined.set(input, this.pending.length);
    this.pending = joined;
    this.inputCount += input.length;
    return this.drain(this.inputCount);
  }

  /** Emits what is left at end of stream, treating the future as silence. */
  flush(): Int16Array {
    if (this.up === this.down) return new Int16Array(0);
    const joined = new Float32Array(this.pending.length + this.half);
    joined.set(this.pending);
    this.pending = joined;
    return this.drain(this.inputCount + this.half, this.inputCount);
  }

  /** Produces every output whose filter window lies inside the first `available` inputs. */
  private drain(available: number, lastInput = Infinity): Int16Array {
    const out: number[] = [];
    for (;;) {
      const n = this.outputCount;
      const base = Math.floor((n * this.down) / this.up);
      if (base + this.half >= available || base >= lastInput) break;
      const row = this.phases[(n * this.down) % this.up]!;
      const first = base - this.half + 1 - this.pendingStart;
      let acc = 0;
      for (let j = 0; j < row.length; j++) {
        const k = first + j;
        if (k >= 0) acc += this.pending[k]! * row[j]!;
      }
      out.push(Math.max(-32768, Math.min(32767, Math.round(acc))));
      this.outputCount++;
    }
    const keepFrom = Math.floor((this.outputCount * this.down) / this.up) - this.half + 1 - this.pendingStart;
    if (keepFrom > 0) {
      this.pending = this.pending.slice(keepFrom);
      this.pendingStart += keepFrom;
    }
    return Int16Array.from(out);
  }
}

/** Averages interleaved channels into one. */
export function toMono(frame: PcmFrame): Int16Array {
  if (frame.channels === 1) return frame.data;
  const n = Math.floor(frame.data.length / frame.channels);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < frame.channels; c++) sum += frame.data[i * frame.channels + c]!;
    out[i] = Math.round(sum / frame.channels);
  }
  return out;
}

/** Converts any frame stream to mono at `to` Hz (16 kHz, what the VAD and engines take). */
export async function* resampleFrames(
  frames: AsyncIterable<PcmFrame>,
  to = ENGINE_SAMPLE_RATE,
): AsyncGenerator<PcmFrame> {
  let resampler: Resampler | undefined;
  const emit = (data: Int16Array): PcmFrame[] => (data.length > 0 ? [{ data, sampleRate: to, channels: 1 }] : []);
  for await (const frame of frames) {
    if (resampler && resampler.from !== frame.sampleRate) yield* emit(resampler.flush());
    if (!resampler || resampler.from !== frame.sampleRate) resampler = new Resampler(frame.sampleRate, to);
    yield* emit(resampler.process(toMono(frame)));
  }
  if (resampler) yield* emit(resampler.flush());
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
