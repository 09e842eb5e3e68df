/**
 * Audio moves through Kefu as frames of interleaved signed 16-bit PCM: what WAV files, LiveKit
 * tracks and every speech engine here share, so no stage converts to float and back needlessly.
 */
export interface PcmFrame {
  data: Int16Array;
  sampleRate: number;
  channels: number;
}

/** What the VAD and every engine consume: 16 kHz mono. */
export const ENGINE_SAMPLE_RATE = 16_000;

export function frameDurationMs(frame: PcmFrame): number {
  return (frame.data.length / frame.channels / frame.sampleRate) * 1000;
}

export function samplesToMs(samples: number, sampleRate: number): number {
  return Math.round((samples / sampleRate) * 1000);
}

/**
 * Yields frames no faster than they would arrive live, so a replayed recording shows up on the
 * dashboard at the pace of the call. Pacing is against a start time, so delays never accumulate.
 */
export async function* paceRealtime(
  frames: AsyncIterable<PcmFrame>,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<PcmFrame> {
  const started = performance.now();
  let audioMs = 0;
  for await (const frame of frames) {
    const wait = started + audioMs - performance.now();
    if (wait > 0) await sleep(wait, options.signal);
    options.signal?.throwIfAborted();
    yield frame;
    audioMs += frameDurationMs(frame);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
