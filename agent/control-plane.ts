/**
 * Starting a call, as the merchant's "video call" button does: the LiveKit room, the call's row,
 * the bot dispatched to it (explicit dispatch by agent name), and a join token for each side whose
 * attributes carry the role, the merchant and the orders under discussion.
 */
import { randomUUID } from 'node:crypto';
import { AccessToken, AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { BuyerNameSchema } from '../core/buyer.js';
import { COPILOT_VERSION, type DispatchMetadata, PARTICIPANT_ATTRIBUTES } from '../core/copilot.js';
import { type Config, type RecordingConfig, recordsCallsOf } from '../core/config.js';
import type { Language, SpeakerRole } from '../core/domain.js';
import { KefuError } from '../core/errors.js';
import type { Sql } from '../db/client.js';
import { createCall } from '../db/queries/calls.js';
import { getMerchant } from '../db/queries/people.js';

export interface CallInvite {
  merchantId: string;
  buyerId: string;
  /** The masked display name the platform shows for this buyer (core/buyer.ts). */
  buyerName?: string;
  orderIds?: string[];
  /** The call's spoken language; picks each side's speech engine. */
  language?: Extract<Language, 'zh' | 'en'>;
  timeZone?: string;
}

export interface JoinTicket {
  identity: string;
  token: string;
}

export interface StartedCall {
  callId: string;
  room: string;
  url: string;
  merchant: JoinTicket;
  customer: JoinTicket;
}

type LiveKit = NonNullable<Config['livekit']>;

export async function startCall(
  deps: { sql: Sql; livekit: LiveKit; recording: RecordingConfig },
  invite: CallInvite,
): Promise<StartedCall> {
  const { sql, livekit } = deps;
  const buyerName = invite.buyerName === undefined ? undefined : parseBuyerName(invite.buyerName);
  // Checked before anything is created on LiveKit, so a typo leaves no stray room behind.
  if (!(await getMerchant(sql, invite.merchantId))) {
    throw new KefuError(
      'NOT_FOUND',
      `No merchant "${invite.merchantId}": check --merchant-id (or run \`kefu seed\` for the demo merchants)`,
    );
  }
  const room = `kefu-${invite.merchantId}-${randomUUID().slice(0, 12)}`;
  // Closed by LiveKit five minutes after everyone has left, which ends the bot's job too.
  await new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret).createRoom({
    name: room,
    emptyTimeout: 300,
  });
  const call = await createCall(sql, {
    room,
    merchantId: invite.merchantId,
    buyerId: invite.buyerId,
    buyerName,
    orderIds: invite.orderIds,
    language: invite.language,
    timeZone: invite.timeZone,
  });
  const metadata: DispatchMetadata = { v: COPILOT_VERSION, callId: call.id };
  await new AgentDispatchClient(livekit.url, livekit.apiKey, livekit.apiSecret).createDispatch(
    room,
    livekit.agentName,
    { metadata: JSON.stringify(metadata) },
  );
  const ticket = (role: SpeakerRole, identity: string) =>
    joinToken(livekit, room, identity, {
      [PARTICIPANT_ATTRIBUTES.role]: role,
      [PARTICIPANT_ATTRIBUTES.merchantId]: invite.merchantId,
      [PARTICIPANT_ATTRIBUTES.orderIds]: (invite.orderIds ?? []).join(','),
      [PARTICIPANT_ATTRIBUTES.language]: invite.language ?? 'zh',
      // Buyers join a service call with the camera off until they choose to show something.
      [PARTICIPANT_ATTRIBUTES.cameraDefault]: role === 'customer' ? 'off' : 'on',
      // The same configuration the bot reads: the app can tell its user before the bot has joined.
      [PARTICIPANT_ATTRIBUTES.recording]: recordsCallsOf(deps.recording, invite.merchantId) ? 'on' : 'off',
    });
  return {
    callId: call.id,
    room,
    url: livekit.url,
    merchant: await ticket('merchant', `merchant-${invite.merchantId}`),
    customer: await ticket('customer', `buyer-${invite.buyerId}`),
  };
}

/** Checked before anything is created, like the merchant: a refused name leaves no room behind. */
function parseBuyerName(name: string): string {
  const r = BuyerNameSchema.safeParse(name);
  if (!r.success) throw new KefuError('INPUT_INVALID', `buyerName: ${r.error.issues[0]?.message}`);
  return r.data;
}

async function joinToken(
  livekit: LiveKit,
  room: string,
  identity: string,
  attributes: Record<string, string>,
): Promise<JoinTicket> {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, attributes, ttl: '2h' });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true });
  return { identity, token: await at.toJwt() };
}
