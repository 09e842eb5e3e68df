/** One participant's state in the test server: identity, published tracks, its two peers. */
import {
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  SignalResponse,
  SessionDescription,
  SignalTarget,
  TrackSubscribed,
  TrickleRequest,
  type TrackInfo,
} from '@livekit/protocol';
import { canPublish, type JoinClaims } from './auth.js';
import { newSid, nowSeconds } from './ids.js';
import { PublisherPeer, SubscriberPeer } from './peer.js';
import type { DataChannel, MediaStreamTrack, RtpSender } from './wrtc.js';

export type PublishedTrack = { info: TrackInfo; media: MediaStreamTrack; mid: string };
export type DataKind = 'reliable' | 'lossy';

const KINDS: Record<string, ParticipantInfo_Kind> = {
  ingress: ParticipantInfo_Kind.INGRESS,
  egress: ParticipantInfo_Kind.EGRESS,
  sip: ParticipantInfo_Kind.SIP,
  agent: ParticipantInfo_Kind.AGENT,
};

export class Participant {
  readonly sid = newSid('PA');
  readonly identity: string;
  readonly joinedAt = nowSeconds();
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  state = ParticipantInfo_State.ACTIVE;
  version = 1;
  /** Tracks announced with addTrack, by client track id (cid), until their media arrives. */
  readonly pendingTracks = new Map<string, TrackInfo>();
  readonly tracks = new Map<string, PublishedTrack>();
  readonly publisher: PublisherPeer;
  readonly subscriber: SubscriberPeer;
  /** Other participants' tracks forwarded to this one, by track sid. */
  readonly #forwarded = new Map<string, RtpSender>();

  constructor(
    readonly claims: JoinClaims,
    /** The client's `auto_subscribe`; without it, tracks are forwarded only when asked for. */
    readonly autoSubscribe: boolean,
    private readonly sendBytes: (bytes: Uint8Array) => void,
    private readonly log: (msg: string) => void,
  ) {
    this.identity = claims.identity;
    this.name = claims.name;
    this.metadata = claims.metadata;
    this.attributes = { ...claims.attributes };
    const trickle = (target: SignalTarget) => (candidateInit: string) =>
      this.send({ case: 'trickle', value: new TrickleRequest({ candidateInit, target }) });
    this.publisher = new PublisherPeer(SignalTarget.PUBLISHER, trickle(SignalTarget.PUBLISHER));
    this.subscriber = new SubscriberPeer(trickle(SignalTarget.SUBSCRIBER), (sdp) =>
      this.send({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp }) }),
    );
  }

  send(message: SignalResponse['message']): void {
    this.sendBytes(new SignalResponse({ message }).toBinary());
  }

  info(): ParticipantInfo {
    const grant = this.claims.grant;
    return new ParticipantInfo({
      sid: this.sid,
      identity: this.identity,
      name: this.name,
      state: this.state,
      tracks: [...this.tracks.values()].map((t) => t.info),
      metadata: this.metadata,
      attributes: this.attributes,
      joinedAt: this.joinedAt,
      joinedAtMs: this.joinedAt * 1000n,
      version: this.version,
      kind: KINDS[this.claims.kind] ?? ParticipantInfo_Kind.STANDARD,
      isPublisher: this.tracks.size > 0,
      permission: new ParticipantPermission({
        canPublish: canPublish(grant),
        canSubscribe: this.canSubscribe,
        canPublishData: grant.canPublishData ?? true,
        canUpdateMetadata: grant.canUpdateOwnMetadata ?? false,
        hidden: grant.hidden ?? false,
        agent: this.claims.kind === 'agent',
      }),
    });
  }

  get canSubscribe(): boolean {
    return this.claims.grant.canSubscribe ?? true;
  }

  /** Forwards `from`'s track here; false if it already was or may not be. The caller renegotiates. */
  subscribe(from: Participant, track: PublishedTrack): boolean {
    if (this.#forwarded.has(track.info.sid) || !this.canSubscribe) return false;
    const streamId = `${from.sid}|${track.info.sid}`;
    this.#forwarded.set(track.info.sid, this.subscriber.addTrack(track.media, streamId));
    // The publisher's LocalTrackSubscribed: agents wait for it before they speak.
    from.send({ case: 'trackSubscribed', value: new TrackSubscribed({ trackSid: track.info.sid }) });
    return true;
  }

  unsubscribe(trackSid: string): boolean {
    const sender = this.#forwarded.get(trackSid);
    if (!sender) return false;
    this.#forwarded.delete(trackSid);
    this.subscriber.removeTrack(sender);
    return true;
  }

  /** Offers the subscriber connection again after tracks were added or removed. */
  renegotiate(): void {
    this.subscriber.negotiate().catch((cause: Error) => this.log(`offer to ${this.identity} failed: ${cause.message}`));
  }

  /** Sends an encoded DataPacket on the subscriber channel of its kind, once that is open. */
  deliver(bytes: Uint8Array, kind: DataKind): void {
    const channel: DataChannel = kind === 'reliable' ? this.subscriber.reliable : this.subscriber.lossy;
    if (channel.readyState === 'open') channel.send(bytes);
    else if (channel.readyState === 'connecting')
      channel.addEventListener('open', () => channel.send(bytes), { once: true });
  }

  close(): void {
    this.publisher.close();
    this.subscriber.close();
  }
}
