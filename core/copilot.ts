/**
 * What the bot and the merchant's app say to each other in a call, over LiveKit. Bot → merchant
 * messages are call events (core/events.ts) in a versioned envelope, so the app, the dashboard's
 * SSE stream and the database all read the same shapes; merchant → bot messages are feedback on
 * what the bot suggested. One definition, used by the bot, the control plane and the tests.
 */
import { z } from 'zod';
import { RefundOptionKindSchema } from './analysis.js';
import { SpeakerRoleSchema } from './domain.js';
import { type CallEvent, CallEventSchema } from './events.js';

/** Topic of the bot's private channel to the merchant (text streams or data packets). */
export const COPILOT_TOPIC = 'kefu.copilot';
/** LiveKit's standard topic and attributes for live transcripts. */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';
export const TRANSCRIPTION_ATTRIBUTES = {
  final: 'lk.transcription_final',
  trackId: 'lk.transcribed_track_id',
  segmentId: 'lk.segment_id',
} as const;

/** Participant attributes the control plane puts in join tokens. */
export const PARTICIPANT_ATTRIBUTES = {
  role: 'kefu.role',
  merchantId: 'kefu.merchant_id',
  /** Comma-separated order ids under discussion. */
  orderIds: 'kefu.order_ids',
  /** zh or en: picks the speech engine for this participant. */
  language: 'kefu.language',
  /** on or off: how the app starts the camera (a token cannot switch a device off). */
  cameraDefault: 'kefu.camera_default',
  /** on or off: whether the call's audio is recorded, so the app can say so before anyone speaks. */
  recording: 'kefu.recording',
  /**
   * On the bot: the call notice (`CallNoticeSchema`, JSON). Attributes reach everyone in the room,
   * late joiners included, so no participant goes untold when a data message sent at its join is lost.
   */
  notice: 'kefu.notice',
} as const;
export const ParticipantRoleSchema = SpeakerRoleSchema;

export const COPILOT_VERSION = 1;

/** The call events the merchant is coached with; transcripts travel on `lk.transcription`. */
export const COPILOT_EVENT_TYPES = [
  'suggestions.created',
  'suggestions.provisional',
  'suggestions.confirmed',
  'suggestions.withdrawn',
  'refund_options.created',
  'notes.updated',
  'coaching.warning',
] as const;
export type CopilotEvent = Extract<CallEvent, { type: (typeof COPILOT_EVENT_TYPES)[number] }>;

export function isCopilotEvent(event: CallEvent): event is CopilotEvent {
  return (COPILOT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Bot → merchant. */
export const CopilotMessageSchema = z.object({
  v: z.literal(COPILOT_VERSION),
  event: CallEventSchema.refine(isCopilotEvent, { message: 'not a copilot event' }).transform((e) => e as CopilotEvent),
});
export type CopilotMessage = z.infer<typeof CopilotMessageSchema>;

/** Merchant → bot: what the merchant did with a suggestion or the refund options. */
export const CopilotFeedbackSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(COPILOT_VERSION), type: z.literal('suggestion.used'), suggestionId: z.uuid() }),
  z.object({ v: z.literal(COPILOT_VERSION), type: z.literal('suggestion.dismissed'), suggestionId: z.uuid() }),
  z.object({
    v: z.literal(COPILOT_VERSION),
    type: z.literal('refund_option.chosen'),
    /** Refund options carry no id: the latest offered option of this kind (and order) is meant. */
    kind: RefundOptionKindSchema,
    orderId: z.string().nullable().default(null),
  }),
]);
export type CopilotFeedback = z.infer<typeof CopilotFeedbackSchema>;

/** Topic of notices the bot sends every participant, buyer included (unlike `kefu.copilot`). */
export const NOTICE_TOPIC = 'kefu.notice';

/** Bot → every participant, on joining and in the bot's attributes: what the app must tell its user about the call. */
export const CallNoticeSchema = z.discriminatedUnion('type', [
  z.object({
    v: z.literal(COPILOT_VERSION),
    type: z.literal('recording'),
    recording: z.boolean(),
    /** Days the audio is kept at most, unless a case or appeal about the call is still open. */
    retentionDays: z.number().int().positive().nullable(),
  }),
]);
export type CallNotice = z.infer<typeof CallNoticeSchema>;

export function callNotice(notice: CallNotice): string {
  return JSON.stringify(CallNoticeSchema.parse(notice));
}

/** What the control plane hands the bot's job in the dispatch's metadata. */
export const DispatchMetadataSchema = z.object({ v: z.literal(COPILOT_VERSION), callId: z.uuid() });
export type DispatchMetadata = z.infer<typeof DispatchMetadataSchema>;

export function copilotMessage(event: CopilotEvent): string {
  return JSON.stringify(CopilotMessageSchema.parse({ v: COPILOT_VERSION, event }));
}
