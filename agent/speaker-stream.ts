/**
 * One participant's microphone → VAD → speech engine, for as long as the track is subscribed.
 * Each participant gets a stream of its own, so both sides of a call are heard (one agents
 * AgentSession would hear only the first participant).
 */
import { type AudioFrame, AudioStream, type RemoteTrack } from '@livekit/rtc-node';
import type { SpeakerRole } from '../core/domain.js';
import type { KefuError } from '../core/errors.js';
import type { PcmFrame } from '../pipelines/audio/frame.js';
import type { SpokenLanguage, SttEngine } from '../pipelines/speech/contract.js';
import { type SpeakerSegment, transcribeSpeakerStreams } from '../pipelines/speech/transcribe.js';
import { turnLooksComplete } from '../pipelines/speech/turn.js';

/**
 * A pause this long ends a turn whose words are complete (a question, a request, a named issue);
 * otherwise the VAD's full end-of-speech silence (500 ms) does. Shorter pauses inside a sentence
 * rarely follow a complete clause, and a wrong early end only splits one utterance into two.
 */
const EARLY_END_SILENCE_MS = 250;

/**
 * rtc-node delivers a track in frames of this length (its default is 10 ms). Each frame is an FFI
 * event decoded from protobuf with a native handle made and dropped on the event loop: at 10 ms
 * that was the job's largest CPU cost (decision 0202). 64 ms is two VAD windows exactly: half the
 * events of 32 ms for every stream of every call, for up to 32 ms more buffering (decision 0530).
 */
const FRAME_MS = 64;

export interface HeardSegment {
  identity: string;
  trackSid: string;
  speaker: SpeakerRole;
  /** Stable across the interim and final hypotheses of one utterance. */
  segmentId: string;
  segment: SpeakerSegment;
  /** Call time, ms since the call started, of the segment's start and end. */
  startMs: number;
  endMs: number;
}

export interface SpeakerStreamOptions {
  track: RemoteTrack;
  identity: string;
  speaker: SpeakerRole;
  language: SpokenLanguage;
  engineFor: (language: SpokenLanguage) => SttEngine | undefined;
  /** Call time at which this stream's first frame is heard. */
  offsetMs: number;
  /** Every 16 kHz mono frame the speech pipeline hears (the recording). */
  tap?: (frame: PcmFrame) => void;
  onInterim: (heard: HeardSegment) => void;
  /** The VAD ended an utterance (stream time of its start); its final follows once the engine answers. */
  onSpeechEnd?: (startMs: number) => void;
  /** Awaited in order, so utterances are stored in the order they were spoken. */
  onFinal: (heard: HeardSegment) => Promise<void>;
  onError: (error: KefuError) => void;
}

/** Transcribes until the track ends or `stop()`; `done` settles once the last final is handled. */
export function startSpeakerStream(o: SpeakerStreamOptions): { stop: () => void; done: Promise<void> } {
  const audio = new AudioStream(o.track, { sampleRate: 16_000, numChannels: 1, frameSizeMs: FRAME_MS });
  const stop = new AbortController();
  const trackSid = o.track.sid ?? '';
  const heard = (segment: SpeakerSegment): HeardSegment => ({
    identity: o.identity,
    trackSid,
    speaker: o.speaker,
    segment,
    segmentId: `${trackSid}-${segment.startMs}`,
    startMs: Math.round(o.offsetMs + segment.startMs),
    endMs: Math.round(o.offsetMs + segment.endMs),
  });
  const done = (async () => {
    const finals = transcribeSpeakerStreams({
      streams: [{ speaker: o.speaker, language: o.language, frames: framesUntil(audio, stop.signal), tap: o.tap }],
      engineFor: o.engineFor,
      vad: { earlyEndSilenceMs: EARLY_END_SILENCE_MS },
      turnEnded: turnLooksComplete,
      signal: stop.signal,
      onInterim: (s) => o.onInterim(heard(s)),
      onSpeechEnd: (span) => o.onSpeechEnd?.(span.startMs),
      onError: (err) => o.onError(err),
    });
    for await (const segment of finals) await o.onFinal(heard(segment));
  })();
  return {
    stop: () => stop.abort(),
    done,
  };
}

/** The stream's frames until it ends or `signal` aborts, even while waiting for audio that never comes. */
async function* framesUntil(audio: AudioStream, signal: AbortSignal): AsyncGenerator<AudioFrame> {
  const reader = audio.getReader();
  // Cancelling settles a pending read as done. (A race against the abort per frame left one
  // reaction per frame on the abort promise for the whole call.)
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  try {
    while (!signal.aborted) {
      const next = await reader.read();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}
