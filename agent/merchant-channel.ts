/**
 * The bot's private line to the merchant: live transcript on `lk.transcription` and coaching on
 * `kefu.copilot`, always addressed with `destinationIdentities` so the buyer never receives any
 * of it; and the merchant's feedback coming back on `kefu.copilot`.
 */
import { type RemoteParticipant, type Room, RoomEvent } from '@livekit/rtc-node';
import {
  COPILOT_TOPIC,
  type CopilotEvent,
  type CopilotFeedback,
  CopilotFeedbackSchema,
  copilotMessage,
  TRANSCRIPTION_ATTRIBUTES,
  TRANSCRIPTION_TOPIC,
} from '../core/copilot.js';
import type { HeardSegment } from './speaker-stream.js';

export interface MerchantChannelOptions {
  room: Room;
  /** Identities of the merchant's participants now in the room. */
  merchants: () => string[];
  onFeedback: (feedback: CopilotFeedback, from: string) => void;
  /** A message that failed to send or parse; never carries its content. */
  onProblem: (what: string, err?: unknown) => void;
}

export class MerchantChannel {
  constructor(private readonly o: MerchantChannelOptions) {
    const decoder = new TextDecoder();
    o.room.registerTextStreamHandler(COPILOT_TOPIC, (reader, { identity }) => {
      void reader.readAll().then(
        (text) => this.received(text, identity),
        (err: unknown) => o.onProblem('reading feedback', err),
      );
    });
    o.room.on(
      RoomEvent.DataReceived,
      (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
        if (topic === COPILOT_TOPIC && participant) this.received(decoder.decode(payload), participant.identity);
      },
    );
  }

  transcript(heard: HeardSegment, final: boolean): Promise<void> {
    return this.send(heard.segment.text, TRANSCRIPTION_TOPIC, {
      [TRANSCRIPTION_ATTRIBUTES.final]: String(final),
      [TRANSCRIPTION_ATTRIBUTES.trackId]: heard.trackSid,
      [TRANSCRIPTION_ATTRIBUTES.segmentId]: heard.segmentId,
      // Who spoke, so the app can label lines without mapping track ids itself.
      'kefu.speaker': heard.speaker,
      'kefu.participant': heard.identity,
    });
  }

  copilot(event: CopilotEvent): Promise<void> {
    return this.send(copilotMessage(event), COPILOT_TOPIC, { 'kefu.event': event.type });
  }

  private async send(text: string, topic: string, attributes: Record<string, string>): Promise<void> {
    const destinationIdentities = this.o.merchants();
    // Nobody to coach right now: everything is stored, and the dashboard sees it.
    if (destinationIdentities.length === 0) return;
    try {
      await this.o.room.localParticipant?.sendText(text, { topic, attributes, destinationIdentities });
    } catch (err) {
      this.o.onProblem(`sending on ${topic}`, err);
    }
  }

  private received(text: string, from: string): void {
    if (!this.o.merchants().includes(from)) return this.o.onProblem(`feedback from ${from}, who is not the merchant`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.o.onProblem('feedback that is not JSON');
    }
    const parsed = CopilotFeedbackSchema.safeParse(json);
    if (!parsed.success)
      return this.o.onProblem(`feedback off schema: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    this.o.onFeedback(parsed.data, from);
  }
}
