import { concatSamples } from '../audio/wav-write.js';
import { sttError, type SttStream, type SttStreamOptions } from './contract.js';

export type TranscribeUtterance = (
  audio: Int16Array,
  language: string,
) => Promise<{ text: string; confidence: number | null }>;

/**
 * A stream for engines that decode whole utterances (transcription endpoints, Whisper): frames
 * are buffered until the VAD ends the utterance, then sent. Requests of one stream may overlap,
 * but finals are emitted in utterance order. No partials.
 */
export function utteranceStream(
  engine: string,
  transcribe: TranscribeUtterance,
  { language, onSegment }: SttStreamOptions,
): SttStream {
  let frames: Int16Array[] = [];
  let span: { startMs: number; endMs: number } | undefined;
  let closed = false;
  let inOrder: Promise<unknown> = Promise.resolve();
  return {
    push: (frame, atMs) => {
      if (closed) throw sttError('failed', `${engine} stream used after close`);
      span ??= { startMs: atMs, endMs: atMs };
      span.endMs = atMs + (frame.data.length / frame.sampleRate) * 1000;
      frames.push(frame.data);
    },
    endUtterance: async () => {
      const [audio, s] = [concatSamples(frames), span];
      frames = [];
      span = undefined;
      if (!s || audio.length === 0) return;
      const reply = transcribe(audio, language);
      const turn = inOrder.then(() => reply);
      inOrder = turn.catch(() => undefined);
      const { text, confidence } = await turn;
      if (closed || text === '') return;
      onSegment({
        text,
        startMs: Math.round(s.startMs),
        endMs: Math.round(s.endMs),
        language,
        confidence,
        engine,
        final: true,
      });
    },
    close: async () => {
      closed = true;
    },
  };
}
