import { setTimeout as sleep } from 'node:timers/promises';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallEvent, Utterance } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import type { SttEngine, SpokenLanguage } from '../speech/contract.js';
import { type SpeakerStream, transcribeSpeakerStreams } from '../speech/transcribe.js';
import { paceRealtime } from '../audio/frame.js';
import type { CallAnalyzers, CallFindings } from './analyzers.js';
import { CallSession } from './call-session.js';
import { finishCall } from './end-call.js';
import { CallRecording } from '../recording/call-recording.js';
import type { AudioStore } from '../recording/store.js';

export type ReplaySource =
  | { kind: 'audio'; streams: SpeakerStream[]; engineFor: (language: SpokenLanguage) => SttEngine | undefined }
  | { kind: 'transcript'; lines: readonly TranscriptLine[] };

export interface TranscriptAnalysis {
  callId: string;
  findings: CallFindings;
  summary: string;
  utterances: readonly Utterance[];
}

export interface ReplayCall {
  room: string;
  merchantId: string;
  buyerId: string;
  /** The platform's masked display name (core/buyer.ts), shown on pages instead of the id. */
  buyerName?: string;
  orderIds?: string[];
  startedAt: Date;
  timeZone: string;
}

/**
 * Plays a recorded call into the database as if it were live: audio through VAD and speech
 * recognition, or a transcript line by line; with `realtime`, at the pace it was spoken, so a
 * dashboard watching the call sees it arrive. It ends as every call does (`finishCall`): summary,
 * then its flags in a moderation case.
 */
export async function replayCall(
  deps: {
    sql: Sql;
    analyzers: CallAnalyzers;
    emit: (e: CallEvent) => void;
    signal?: AbortSignal;
    /** Where to store the replayed audio as the bot would; unset when recording is off. */
    audioStore?: AudioStore;
  },
  source: ReplaySource,
  call: ReplayCall,
  options: { realtime?: boolean } = {},
): Promise<TranscriptAnalysis> {
  const session = await CallSession.start({ sql: deps.sql, analyzers: deps.analyzers, emit: deps.emit }, call);
  const started = performance.now();
  let lastEndMs = 0;
  let recording: CallRecording | undefined;
  if (source.kind === 'transcript') {
    for (const line of source.lines) {
      if (options.realtime)
        await sleep(Math.max(0, started + line.endMs - performance.now()), undefined, { signal: deps.signal });
      await session.addUtterance({ ...line, engine: 'transcript', confidence: null });
      lastEndMs = Math.max(lastEndMs, line.endMs);
    }
  } else {
    recording = deps.audioStore
      ? await CallRecording.open({ sql: deps.sql, store: deps.audioStore, callId: session.call.id })
      : undefined;
    const streams = source.streams.map((st) => ({
      ...st,
      frames: options.realtime ? paceRealtime(st.frames, { signal: deps.signal }) : st.frames,
      tap: recording?.stream(st.speaker, 0).push,
    }));
    const segments = transcribeSpeakerStreams({
      streams,
      engineFor: source.engineFor,
      signal: deps.signal,
    });
    for await (const s of segments) {
      await session.addUtterance({
        speaker: s.speaker,
        text: s.text,
        startMs: s.startMs,
        endMs: s.endMs,
        engine: s.engine,
        confidence: s.confidence,
        language: s.language,
      });
      lastEndMs = Math.max(lastEndMs, s.endMs);
    }
  }
  // The audio is stored before the call ends, so its flags' cases open with their evidence playable.
  const stored = await recording?.close().then(
    () => undefined,
    (err: unknown) => err,
  );
  const { summary, findings } = await finishCall(deps.sql, session, new Date(call.startedAt.getTime() + lastEndMs));
  // The call and its findings are kept either way; the caller hears that its audio is not.
  if (stored) throw stored;
  return { callId: session.call.id, findings, summary, utterances: session.transcript };
}
