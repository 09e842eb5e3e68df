/** A room of the test server: membership, track forwarding (SFU-lite) and data relay. */
import {
  DataPacket,
  DisconnectReason,
  JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo_State,
  ParticipantUpdate,
  Room as RoomInfo,
  ServerInfo,
  ServerInfo_Edition,
  TrackUnpublishedResponse,
} from '@livekit/protocol';
import { newSid, nowSeconds } from './ids.js';
import type { DataKind, Participant, PublishedTrack } from './participant.js';

export const SERVER_VERSION = '1.9.0';

export type RoomOptions = { name: string; emptyTimeout?: number; maxParticipants?: number; metadata?: string };

export class Room {
  readonly sid = newSid('RM');
  readonly creationTime = nowSeconds();
  readonly participants = new Map<string, Participant>();

  constructor(readonly options: RoomOptions) {}

  get name(): string {
    return this.options.name;
  }

  info(): RoomInfo {
    const participants = [...this.participants.values()];
    return new RoomInfo({
      sid: this.sid,
      name: this.name,
      emptyTimeout: this.options.emptyTimeout ?? 300,
      maxParticipants: this.options.maxParticipants ?? 0,
      metadata: this.options.metadata ?? '',
      creationTime: this.creationTime,
      creationTimeMs: this.creationTime * 1000n,
      numParticipants: participants.length,
      numPublishers: participants.filter((p) => p.tracks.size > 0).length,
    });
  }

  /** Answers the join, announces `p`, and offers it the tracks already in the room. */
  join(p: Participant): void {
    const previous = this.participants.get(p.identity);
    if (previous) this.remove(previous, DisconnectReason.DUPLICATE_IDENTITY);
    const others = [...this.participants.values()];
    this.participants.set(p.identity, p);
    p.send({
      case: 'join',
      value: new JoinResponse({
        room: this.info(),
        participant: p.info(),
        otherParticipants: others.map((o) => o.info()),
        serverVersion: SERVER_VERSION,
        serverInfo: new ServerInfo({
          edition: ServerInfo_Edition.Standard,
          version: SERVER_VERSION,
          protocol: 15,
          nodeId: 'kefu-test-double',
        }),
        // false: the client offers its publisher connection at once (the path rtc-node expects).
        subscriberPrimary: false,
        // 0 makes rtc-node's Rust core panic and abort the whole Node process.
        pingInterval: 5,
        pingTimeout: 15,
      }),
    });
    this.broadcast(p, others);
    if (p.autoSubscribe) for (const o of others) for (const track of o.tracks.values()) p.subscribe(o, track);
    p.renegotiate();
  }

  /** Sends `p`'s current info to `to` (everyone else by default). */
  broadcast(p: Participant, to = [...this.participants.values()].filter((o) => o !== p)): void {
    const update = new ParticipantUpdate({ participants: [p.info()] });
    for (const o of to) o.send({ case: 'update', value: update });
  }

  trackPublished(p: Participant, track: PublishedTrack): void {
    p.version++;
    this.broadcast(p);
    for (const o of this.participants.values()) {
      if (o !== p && o.autoSubscribe && o.subscribe(p, track)) o.renegotiate();
    }
  }

  trackUnpublished(p: Participant, track: PublishedTrack): void {
    p.tracks.delete(track.info.sid);
    p.version++;
    this.broadcast(p);
    for (const o of this.participants.values()) if (o.unsubscribe(track.info.sid)) o.renegotiate();
    p.send({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid: track.info.sid }) });
  }

  /** An explicit (un)subscription, as sent by clients that join without auto_subscribe. */
  setSubscribed(p: Participant, trackSids: string[], subscribe: boolean): void {
    for (const o of this.participants.values()) {
      for (const sid of trackSids) {
        const track = o.tracks.get(sid);
        if (!track || o === p) continue;
        if (subscribe) p.subscribe(o, track);
        else p.unsubscribe(sid);
      }
    }
    p.renegotiate();
  }

  /** Takes `p` out, telling it why (unless it left itself) and telling everyone else. */
  remove(p: Participant, reason: DisconnectReason): void {
    if (this.participants.get(p.identity) !== p) return;
    this.participants.delete(p.identity);
    if (reason !== DisconnectReason.CLIENT_INITIATED) {
      p.send({ case: 'leave', value: new LeaveRequest({ reason, action: LeaveRequest_Action.DISCONNECT }) });
    }
    p.state = ParticipantInfo_State.DISCONNECTED;
    p.version++;
    this.broadcast(p);
    for (const o of this.participants.values()) {
      const removed = [...p.tracks.keys()].filter((sid) => o.unsubscribe(sid));
      if (removed.length > 0) o.renegotiate();
    }
    p.close();
  }

  /** Relays a data packet to its destination identities (everyone else when none are named). */
  relay(from: Participant, bytes: Uint8Array, kind: DataKind): void {
    const packet = DataPacket.fromBinary(bytes);
    packet.participantIdentity = from.identity;
    packet.participantSid = from.sid;
    let destinations = packet.destinationIdentities;
    if (packet.value.case === 'user') {
      packet.value.value.participantIdentity = from.identity;
      packet.value.value.participantSid = from.sid;
      if (destinations.length === 0) destinations = packet.value.value.destinationIdentities;
    }
    const out = packet.toBinary();
    for (const o of this.participants.values()) {
      if (o !== from && (destinations.length === 0 || destinations.includes(o.identity))) o.deliver(out, kind);
    }
  }

  close(reason: DisconnectReason): void {
    for (const p of [...this.participants.values()]) this.remove(p, reason);
  }
}
