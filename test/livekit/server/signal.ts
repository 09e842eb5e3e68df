/** Handles one participant's SignalRequests, in arrival order (trickle must follow its offer). */
import {
  DisconnectReason,
  Pong,
  RequestResponse,
  RequestResponse_Reason,
  SessionDescription,
  SignalRequest,
  SignalTarget,
  TrackInfo,
  TrackPublishedResponse,
} from '@livekit/protocol';
import { newSid } from './ids.js';
import { isSending, mediaSection, msidTrackId } from './sdp.js';
import type { Participant } from './participant.js';
import type { Room } from './room.js';

export function attachSignalling(p: Participant, room: Room, log: (msg: string) => void): (bytes: Uint8Array) => void {
  p.publisher.pc.ontrack = ({ track, transceiver }) => {
    // rtc-node announces the track (addTrack, keyed by cid) before its media arrives.
    const mid = transceiver.mid ?? '';
    const section = mediaSection(p.publisher.pc.remoteDescription?.sdp ?? '', mid);
    const cid = p.pendingTracks.has(track.id) ? track.id : section && msidTrackId(section);
    const info = cid === undefined ? undefined : p.pendingTracks.get(cid);
    if (!cid || !info) return log(`media track ${track.id} from ${p.identity} was never announced`);
    p.pendingTracks.delete(cid);
    const published = { info, media: track, mid };
    p.tracks.set(info.sid, published);
    room.trackPublished(p, published);
  };
  p.publisher.pc.ondatachannel = ({ channel }) => {
    channel.binaryType = 'arraybuffer';
    const kind = channel.label === '_lossy' ? 'lossy' : 'reliable';
    channel.onmessage = ({ data }) => {
      if (typeof data === 'string') return;
      try {
        room.relay(p, new Uint8Array(data), kind);
      } catch (cause) {
        log(`undecodable data packet from ${p.identity}: ${(cause as Error).message}`);
      }
    };
  };

  let queue = Promise.resolve();
  return (bytes) => {
    const request = SignalRequest.fromBinary(bytes);
    queue = queue
      .then(() => handle(p, room, request))
      .catch((cause: Error) => log(`${request.message.case} from ${p.identity} failed: ${cause.message}`));
  };
}

async function handle(p: Participant, room: Room, { message }: SignalRequest): Promise<void> {
  switch (message.case) {
    case 'offer':
      await p.publisher.answer(message.value.sdp, (sdp) =>
        p.send({ case: 'answer', value: new SessionDescription({ type: 'answer', sdp, id: message.value.id }) }),
      );
      // Unpublishing has no signal message of its own: the track's section stops sending.
      for (const track of [...p.tracks.values()]) {
        const section = mediaSection(message.value.sdp, track.mid);
        if (!section || !isSending(section)) room.trackUnpublished(p, track);
      }
      return;
    case 'answer':
      return p.subscriber.onAnswer(message.value.sdp);
    case 'trickle': {
      const init = JSON.parse(message.value.candidateInit) as {
        candidate: string;
        sdpMid?: string;
        sdpMLineIndex?: number;
      };
      const peer = message.value.target === SignalTarget.SUBSCRIBER ? p.subscriber : p.publisher;
      return peer.addRemoteCandidate(init);
    }
    case 'addTrack': {
      const req = message.value;
      const track = new TrackInfo({
        sid: newSid('TR'),
        type: req.type,
        name: req.name,
        source: req.source,
        muted: req.muted,
        stereo: req.stereo,
        disableDtx: req.disableDtx,
        stream: req.stream,
        mimeType: 'audio/opus',
      });
      p.pendingTracks.set(req.cid, track);
      return p.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track }) });
    }
    case 'mute': {
      const track = p.tracks.get(message.value.sid);
      if (!track) return;
      track.info.muted = message.value.muted;
      p.version++;
      return room.broadcast(p, [...room.participants.values()]);
    }
    case 'updateMetadata': {
      const req = message.value;
      if (req.metadata) p.metadata = req.metadata;
      if (req.name) p.name = req.name;
      for (const [key, value] of Object.entries(req.attributes)) {
        if (value === '') delete p.attributes[key];
        else p.attributes[key] = value;
      }
      p.version++;
      room.broadcast(p, [...room.participants.values()]);
      if (req.requestId) {
        p.send({
          case: 'requestResponse',
          value: new RequestResponse({ requestId: req.requestId, reason: RequestResponse_Reason.OK }),
        });
      }
      return;
    }
    case 'pingReq':
      return p.send({
        case: 'pongResp',
        value: new Pong({ lastPingTimestamp: message.value.timestamp, timestamp: BigInt(Date.now()) }),
      });
    case 'ping':
      return p.send({ case: 'pong', value: BigInt(Date.now()) });
    case 'subscription':
      return room.setSubscribed(p, message.value.trackSids, message.value.subscribe);
    case 'leave':
      return room.remove(p, DisconnectReason.CLIENT_INITIATED);
    default:
      // Track settings, layers, sync state: nothing to do for an audio-only double.
      return;
  }
}
