/**
 * LiveKit ↔ pipelines for one call: every participant's microphone gets a speech stream of its
 * own, finals go through the call session (which stores everything as it happens), and what the
 * session finds goes to the merchant only, and to the dashboard through Postgres NOTIFY.
 */
import {
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type Room,
  RoomEvent,
  TrackKind,
} from '@livekit/rtc-node';
import { isCopilotEvent, PARTICIPANT_ATTRIBUTES, ParticipantRoleSchema } from '../core/copilot.js';
import type { SpeakerRole } from '../core/domain.js';
import type { CallEvent } from '../core/events.js';
import type { Sql } from '../db/client.js';
import { notifyCallEvent } from '../db/queries/call-events.js';
import { addParticipant, markParticipantLeft, touchCall } from '../db/queries/calls.js';
import type { CallAnalyzers } from '../pipelines/session/analyzers.js';
import { CallSession } from '../pipelines/session/call-session.js';
import { finishCall } from '../pipelines/session/end-call.js';
import { SpokenLanguageSchema, type SpokenLanguage, type SttEngine } from '../pipelines/speech/contract.js';
import { storeFeedback } from '../pipelines/session/feedback.js';
import { turnLooksComplete } from '../pipelines/speech/turn.js';
import { MerchantChannel } from './merchant-channel.js';
import { BotRecording, type RecordingPolicy } from './recording.js';
import { type HeardSegment, startSpeakerStream } from './speaker-stream.js';

export interface CallRoomDeps {
  sql: Sql;
  analyzers: CallAnalyzers;
  engineFor: (language: SpokenLanguage) => SttEngine | undefined;
  /** Progress and problems; never transcripts or other personal data. */
  log: (line: string) => void;
  /** How long the call waits for a party who left to come back before it ends. */
  emptyTimeoutMs?: number;
  /** How often the bot tells the database it still holds the call (the sweeper ends calls it stops). */
  heartbeatMs?: number;
  /** Whether and where the call's audio is stored; unset, nothing is recorded. */
  recording?: RecordingPolicy;
  /** Send replies on the customer's interim as their speech ends, marked provisional (decision 0495). */
  provisional?: boolean;
}

export type EndReason = 'room closed' | 'parties left';

export class CallRoom {
  private readonly streams = new Map<string, { stop: () => void; done: Promise<void> }>();
  private readonly participantRows = new Map<string, string>();
  /**
   * When the last final's advice went to the merchants (wall clock: new replies, options, or the verdict
   * on provisional ones), how many so far, and when the last provisional replies went.
   */
  private advice = { at: 0, count: 0, provisionalAt: 0 };
  private emptyTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private endedWith: ((reason: EndReason) => void) | undefined;
  /** Resolves when the call is over: the room closed, or both parties left and stayed away. */
  readonly ended = new Promise<EndReason>((resolve) => (this.endedWith = resolve));

  private constructor(
    private readonly deps: CallRoomDeps,
    private readonly session: CallSession,
    private readonly events: { emit: (e: CallEvent) => void },
    private readonly recording: BotRecording,
  ) {}

  /** Resumes the recorded call (fresh or after a crash); undefined when it has already ended. */
  static async open(deps: CallRoomDeps, callId: string): Promise<CallRoom | undefined> {
    const events: { emit: (e: CallEvent) => void } = { emit: () => {} };
    const session = await CallSession.resume(
      { sql: deps.sql, analyzers: deps.analyzers, emit: (e) => events.emit(e) },
      callId,
    );
    if (session.call.status === 'ended') return undefined;
    const recording = await BotRecording.open(
      { sql: deps.sql, callId, merchantId: session.call.merchantId, log: deps.log },
      deps.recording,
    );
    const room = new CallRoom(deps, session, events, recording);
    deps.log(
      `call ${callId}: ${session.transcript.length === 0 ? 'starting' : `resuming after ${session.transcript.length} utterances`}`,
    );
    return room;
  }

  get callId(): string {
    return this.session.call.id;
  }

  attach(room: Room): void {
    const { sql, log } = this.deps;
    const merchants = () =>
      [...room.remoteParticipants.values()].filter((p) => roleOf(p) === 'merchant').map((p) => p.identity);
    const channel = new MerchantChannel({
      room,
      merchants,
      onFeedback: (feedback, from) => {
        storeFeedback(sql, this.callId, feedback, from).then(
          (stored) =>
            log(`call ${this.callId}: feedback ${feedback.type} ${stored ? 'stored' : 'names nothing of this call'}`),
          (err: unknown) => log(`call ${this.callId}: feedback not stored: ${String(err)}`),
        );
      },
      onProblem: (what, err) => log(`call ${this.callId}: ${what}${err ? `: ${String(err)}` : ''}`),
    });
    const beat = () =>
      touchCall(sql, this.callId).catch((err: unknown) => log(`call ${this.callId}: heartbeat failed: ${String(err)}`));
    void beat();
    this.heartbeat = setInterval(beat, this.deps.heartbeatMs ?? 15_000);
    const merchantId = this.session.call.merchantId;
    this.events.emit = (event) => {
      if (event.type === 'suggestions.provisional') this.advice.provisionalAt = Date.now();
      else if (ADVICE_AFTER_FINAL.has(event.type))
        this.advice = { ...this.advice, at: Date.now(), count: this.advice.count + 1 };
      notifyCallEvent(sql, merchantId, event).catch((err: unknown) =>
        log(`call ${this.callId}: notify ${event.type} failed: ${String(err)}`),
      );
      if (isCopilotEvent(event)) void channel.copilot(event);
    };
    // What a stopped bot sent provisionally and never settled is withdrawn before anything new is heard.
    this.session
      .withdrawStopped()
      .then((n) => n > 0 && log(`call ${this.callId}: ${n} provisional replies of the stopped bot withdrawn`))
      .catch((err: unknown) =>
        log(`call ${this.callId}: stopped bot's provisional replies not withdrawn: ${String(err)}`),
      );
    if (this.session.transcript.length === 0) {
      const call = this.session.call;
      this.events.emit({
        type: 'call.started',
        callId: call.id,
        room: call.room,
        merchantId,
        startedAt: call.startedAt.toISOString(),
      });
    }

    const hear = (track: RemoteTrack, publication: RemoteTrackPublication, p: RemoteParticipant) => {
      const role = roleOf(p);
      if (track.kind !== TrackKind.KIND_AUDIO || !role || !publication.sid) return;
      this.streams.get(publication.sid)?.stop();
      // When (wall clock) the VAD ended each utterance still waiting for its final, by its stream start.
      const ends: SpeechEnd[] = [];
      // The customer's latest interim of the utterance being spoken: what provisional advice reads.
      let interim: HeardSegment | undefined;
      const language = SpokenLanguageSchema.safeParse(
        p.attributes[PARTICIPANT_ATTRIBUTES.language] ?? this.session.call.language,
      );
      const offsetMs = Date.now() - this.session.call.startedAt.getTime();
      const recorded = this.recording.stream(role, offsetMs);
      const stream = startSpeakerStream({
        track,
        identity: p.identity,
        speaker: role,
        language: language.success ? language.data : 'zh',
        engineFor: this.deps.engineFor,
        offsetMs,
        tap: recorded?.push,
        // Interim hypotheses are for the merchant's live caption only: never stored or NOTIFY'd.
        // A customer's that already reads as a whole turn starts the advice after it, ahead.
        onInterim: (heard) => {
          void channel.transcript(heard, false);
          interim = heard;
          if (heard.speaker === 'customer' && turnLooksComplete(heard.segment.text))
            this.session.speculate({
              speaker: 'customer',
              text: heard.segment.text,
              startMs: heard.startMs,
              endMs: heard.endMs,
            });
        },
        onSpeechEnd: (startMs) => {
          const end: SpeechEnd = { startMs, at: Date.now() };
          ends.push(end);
          const last = interim;
          interim = undefined;
          if (role !== 'customer' || !this.deps.provisional) return;
          // The recogniser had released no words of this utterance when the VAD ended it.
          if (last?.speaker !== 'customer') end.noProvisional = 'no interim at speech end';
          else
            this.session
              .provisional({ speaker: 'customer', text: last.segment.text, startMs: last.startMs, endMs: last.endMs })
              .then(
                (skip) => {
                  end.noProvisional = skip;
                },
                (err: unknown) => log(`call ${this.callId}: provisional advice failed: ${String(err)}`),
              );
        },
        onFinal: (heard) => this.final(heard, channel, ends),
        onError: (err) => log(`call ${this.callId}: speech from ${p.identity} lost (${err.code}): ${err.message}`),
      });
      this.streams.set(publication.sid, stream);
      stream.done
        .catch((err: unknown) => log(`call ${this.callId}: speech stream of ${p.identity} failed: ${String(err)}`))
        // Its last few seconds stored now: a later crash of the bot cannot lose them. Failures are logged by the recording.
        .finally(() => recorded?.close().catch(() => {}));
    };
    const joined = (p: RemoteParticipant) => {
      const role = roleOf(p);
      if (!role) return;
      clearTimeout(this.emptyTimer);
      void this.recording.tell(room, p.identity);
      addParticipant(sql, { callId: this.callId, identity: p.identity, role }).then(
        (id) => this.participantRows.set(p.identity, id),
        (err: unknown) => log(`call ${this.callId}: participant not recorded: ${String(err)}`),
      );
    };

    void this.recording.announce(room);
    room.on(RoomEvent.ParticipantConnected, joined);
    room.on(RoomEvent.TrackSubscribed, hear);
    room.on(RoomEvent.TrackUnsubscribed, (_track, publication) => {
      if (publication.sid) this.streams.get(publication.sid)?.stop();
    });
    room.on(RoomEvent.ParticipantDisconnected, (p) => {
      const row = this.participantRows.get(p.identity);
      if (row) void markParticipantLeft(sql, row).catch(() => {});
      this.participantRows.delete(p.identity);
      if (![...room.remoteParticipants.values()].some((other) => other.identity !== p.identity && roleOf(other))) {
        this.emptyTimer = setTimeout(() => this.endedWith?.('parties left'), this.deps.emptyTimeoutMs ?? 30_000);
      }
    });
    room.on(RoomEvent.Disconnected, () => this.endedWith?.('room closed'));
    for (const p of room.remoteParticipants.values()) {
      joined(p);
      for (const publication of p.trackPublications.values())
        if (publication.track) hear(publication.track, publication, p);
    }
  }

  /** Ends the call: the last utterances are stored, then the summary, promises and moderation cases. */
  async finish(reason: EndReason): Promise<void> {
    clearTimeout(this.emptyTimer);
    clearInterval(this.heartbeat);
    for (const stream of this.streams.values()) stream.stop();
    await Promise.allSettled([...this.streams.values()].map((s) => s.done));
    // Before the call ends, so the cases it opens have their evidence playable.
    await this.recording.close();
    const ended = await finishCall(this.deps.sql, this.session);
    const ahead = this.session.speculations;
    this.deps.log(
      `call ${this.callId}: ended (${reason}); ${this.session.transcript.length} utterances, ${ended.case?.attached ?? 0} flags to moderation; advice ahead of the final ${ahead.used} times (${ahead.discarded} discarded)`,
    );
  }

  private async final(heard: HeardSegment, channel: MerchantChannel, ends: SpeechEnd[]): Promise<void> {
    const finalAt = Date.now();
    void channel.transcript(heard, true);
    const { segment } = heard;
    // The utterance this final ends: the last one the VAD ended that starts at or before its first word.
    const k = ends.findLastIndex((e) => e.startMs <= segment.startMs);
    const ended = k >= 0 ? ends.splice(0, k + 1).at(-1) : undefined;
    const advised = this.advice.count;
    try {
      await this.session.addUtterance({
        speaker: heard.speaker,
        text: segment.text,
        startMs: heard.startMs,
        endMs: Math.max(heard.startMs, heard.endMs),
        engine: segment.engine,
        confidence: segment.confidence,
        participantIdentity: heard.identity,
        language: segment.language,
      });
    } catch (err) {
      this.deps.log(`call ${this.callId}: utterance not stored: ${String(err)}`);
    }
    // Where an utterance's time goes after the VAD's silence, for operators and `bench bot`: the
    // recogniser's last pass, then the text pipeline up to the advice leaving. Wall-clock instants
    // (epoch ms), so a harness on the same host can place the speech's end before them.
    if (ended) {
      const out = this.advice.count > advised ? ` advice out ${this.advice.at}` : '';
      const early =
        this.advice.provisionalAt >= ended.at
          ? ` provisional out ${this.advice.provisionalAt}`
          : heard.speaker === 'customer' && this.deps.provisional
            ? ` no provisional (${ended.noProvisional ?? 'advice on the interim not ready at the final'})`
            : '';
      this.deps.log(
        `call ${this.callId}: ${heard.speaker} utterance timing: vad end ${ended.at} final ${finalAt}${out}${early} (last pass ${finalAt - ended.at} ms${out ? `, final → advice ${this.advice.at - finalAt} ms` : ''})`,
      );
    }
  }
}

/**
 * When (wall clock) the VAD ended an utterance still waiting for its final, by its stream start; for
 * a customer's, why no provisional reply went out, once known (decision 0725).
 */
type SpeechEnd = { startMs: number; at: number; noProvisional?: string };

/** Advice that answers a final: new replies or options, or the verdict on replies sent provisionally. */
const ADVICE_AFTER_FINAL = new Set<CallEvent['type']>([
  'suggestions.created',
  'suggestions.confirmed',
  'suggestions.withdrawn',
  'refund_options.created',
]);

function roleOf(p: RemoteParticipant): SpeakerRole | undefined {
  const role = ParticipantRoleSchema.safeParse(p.attributes[PARTICIPANT_ATTRIBUTES.role]);
  return role.success ? role.data : undefined;
}
