/**
 * The call's recording as the bot runs it: the audio each speaker stream's VAD hears, stored as it
 * comes, and every participant told whether the call is recorded (`kefu.notice`: a message on joining, and
 * the bot's attribute of the same name).
 */
import type { Room } from '@livekit/rtc-node';
import { COPILOT_VERSION, callNotice, NOTICE_TOPIC, PARTICIPANT_ATTRIBUTES } from '../core/copilot.js';
import type { Sql } from '../db/client.js';
import { CallRecording, type StreamRecording } from '../pipelines/recording/call-recording.js';
import type { AudioStore } from '../pipelines/recording/store.js';

export interface RecordingPolicy {
  /** The store when this merchant's calls are recorded; undefined when recording is off for them. */
  storeFor: (merchantId: string) => AudioStore | undefined;
  retentionDays: number;
}

export class BotRecording {
  private failed = false;

  private constructor(
    private readonly recording: CallRecording | undefined,
    private readonly retentionDays: number,
    private readonly log: (line: string) => void,
  ) {}

  static async open(
    o: { sql: Sql; callId: string; merchantId: string; log: (line: string) => void },
    policy: RecordingPolicy | undefined,
  ): Promise<BotRecording> {
    const store = policy?.storeFor(o.merchantId);
    const self: { rec?: BotRecording } = {};
    const recording = store
      ? await CallRecording.open({ sql: o.sql, store, callId: o.callId, onError: (err) => self.rec?.failure(err) })
      : undefined;
    self.rec = new BotRecording(recording, policy?.retentionDays ?? 0, (line) => o.log(`call ${o.callId}: ${line}`));
    self.rec.log(recording ? `recording to ${recording.description}` : 'recording off for this merchant');
    return self.rec;
  }

  get on(): boolean {
    return this.recording !== undefined;
  }

  stream(speaker: 'merchant' | 'customer', offsetMs: number): StreamRecording | undefined {
    return this.recording?.stream(speaker, offsetMs);
  }

  private notice(): string {
    return callNotice({
      v: COPILOT_VERSION,
      type: 'recording',
      recording: this.on,
      retentionDays: this.on ? this.retentionDays : null,
    });
  }

  /** Puts the notice in the bot's attributes: state every participant receives, whenever it joins. */
  async announce(room: Room): Promise<void> {
    try {
      await room.localParticipant?.setAttributes({ [PARTICIPANT_ATTRIBUTES.notice]: this.notice() });
    } catch (err) {
      this.log(`recording notice not set in the bot's attributes: ${String(err)}`);
    }
  }

  /** Tells one participant (or, without one, everybody present) whether the call is recorded. */
  async tell(room: Room, identity?: string): Promise<void> {
    const text = this.notice();
    try {
      await room.localParticipant?.sendText(text, {
        topic: NOTICE_TOPIC,
        ...(identity ? { destinationIdentities: [identity] } : {}),
      });
    } catch (err) {
      this.log(`recording notice not sent: ${String(err)}`);
    }
  }

  async close(): Promise<void> {
    await this.recording?.close().catch((err: unknown) => this.failure(err));
  }

  private failure(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log(`recording stopped, audio not stored: ${String(err)}`);
  }
}
