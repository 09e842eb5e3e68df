/**
 * The slice of @roamhq/wrtc the test server uses, typed here: the package's own types re-export
 * DOM globals that this repo's `lib` (ES2023, no DOM) does not have, so they resolve to `any`.
 */
import wrtc from '@roamhq/wrtc';

export type SessionDescription = { type: 'offer' | 'answer'; sdp: string };
export type IceCandidateInit = { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null };

export interface MediaStreamTrack {
  readonly id: string;
  readonly kind: string;
}

export interface MediaStream {
  readonly id: string;
}

export interface RtpSender {
  readonly track: MediaStreamTrack | null;
}

export interface RtpTransceiver {
  readonly mid: string | null;
}

export interface DataChannel {
  readonly label: string;
  readonly readyState: 'connecting' | 'open' | 'closing' | 'closed';
  binaryType: string;
  send(data: Uint8Array): void;
  close(): void;
  addEventListener(type: 'open', listener: () => void, options: { once: true }): void;
  onopen: (() => void) | null;
  onmessage: ((event: { data: ArrayBuffer | string }) => void) | null;
}

export interface PeerConnection {
  readonly signalingState: string;
  readonly connectionState: string;
  readonly remoteDescription: SessionDescription | null;
  createOffer(): Promise<SessionDescription>;
  createAnswer(): Promise<SessionDescription>;
  setLocalDescription(description: SessionDescription): Promise<void>;
  setRemoteDescription(description: SessionDescription): Promise<void>;
  addIceCandidate(candidate: IceCandidateInit): Promise<void>;
  addTransceiver(
    track: MediaStreamTrack,
    init: { direction: 'sendonly'; streams: MediaStream[] },
  ): { sender: RtpSender };
  removeTrack(sender: RtpSender): void;
  createDataChannel(label: string, init: { ordered: boolean; maxRetransmits?: number }): DataChannel;
  close(): void;
  onicecandidate: ((event: { candidate: IceCandidateInit | null }) => void) | null;
  ontrack: ((event: { track: MediaStreamTrack; transceiver: RtpTransceiver }) => void) | null;
  ondatachannel: ((event: { channel: DataChannel }) => void) | null;
  onconnectionstatechange: (() => void) | null;
}

type Wrtc = {
  RTCPeerConnection: new (config?: { iceServers: [] }) => PeerConnection;
  MediaStream: new (init: { id: string }) => MediaStream;
};

const lib = wrtc as unknown as Wrtc;

export function createPeerConnection(): PeerConnection {
  return new lib.RTCPeerConnection({ iceServers: [] });
}

/** A stream whose id is the msid rtc-node parses: `PA_<participantSid>|TR_<trackSid>`. */
export function createStream(id: string): MediaStream {
  return new lib.MediaStream({ id });
}
