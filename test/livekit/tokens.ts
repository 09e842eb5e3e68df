/** Join tokens for test participants, minted as Kefu's API mints them (livekit-server-sdk). */
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import type { LiveKitTarget } from './test-server.js';

export type TokenSpec = {
  identity: string;
  room: string;
  name?: string;
  attributes?: Record<string, string>;
  metadata?: string;
  kind?: 'agent';
  grant?: Omit<VideoGrant, 'room' | 'roomJoin'>;
};

export function mintToken(target: Pick<LiveKitTarget, 'apiKey' | 'apiSecret'>, spec: TokenSpec): Promise<string> {
  const at = new AccessToken(target.apiKey, target.apiSecret, {
    identity: spec.identity,
    name: spec.name ?? spec.identity,
    attributes: spec.attributes,
    metadata: spec.metadata,
    ttl: '1h',
  });
  if (spec.kind) at.kind = spec.kind;
  at.addGrant({
    roomJoin: true,
    room: spec.room,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    ...spec.grant,
  });
  return at.toJwt();
}
