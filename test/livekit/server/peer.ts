/**
 * The two peer connections LiveKit keeps per participant: the publisher (client offers, we
 * answer) and the subscriber (we offer the forwarded tracks and the server→client data channels).
 */
import { SignalTarget } from '@livekit/protocol';
import {
  createPeerConnection,
  createStream,
  type DataChannel,
  type IceCandidateInit,
  type MediaStreamTrack,
  type RtpSender,
} from './wrtc.js';

class Peer {
  readonly pc = createPeerConnection();
  // Candidates that arrive before the description they belong to fail in addIceCandidate.
  readonly #early: IceCandidateInit[] = [];
  // Ours wait until our description is on the wire: rtc-node drops candidates it can't place.
  #held: string[] | null = [];

  constructor(
    readonly target: SignalTarget,
    private readonly sendTrickle: (candidateInit: string) => void,
  ) {
    this.pc.onicecandidate = ({ candidate }) => {
      // The end-of-candidates event has no candidate line; rtc-node's parser would reject it.
      if (!candidate?.candidate) return;
      const json = JSON.stringify({
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid ?? '0',
        sdpMLineIndex: candidate.sdpMLineIndex ?? 0,
      });
      if (this.#held) this.#held.push(json);
      else this.sendTrickle(json);
    };
  }

  async addRemoteCandidate(init: IceCandidateInit): Promise<void> {
    if (this.pc.remoteDescription) await this.pc.addIceCandidate(init);
    else this.#early.push(init);
  }

  protected async setRemote(type: 'offer' | 'answer', sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type, sdp });
    for (const candidate of this.#early.splice(0)) await this.pc.addIceCandidate(candidate);
  }

  protected descriptionSent(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const json of held) this.sendTrickle(json);
  }

  close(): void {
    this.pc.close();
  }
}

export class PublisherPeer extends Peer {
  async answer(offerSdp: string, sendAnswer: (sdp: string) => void): Promise<void> {
    await this.setRemote('offer', offerSdp);
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    sendAnswer(answer.sdp);
    this.descriptionSent();
  }
}

export class SubscriberPeer extends Peer {
  readonly reliable: DataChannel;
  readonly lossy: DataChannel;
  #offering = false;
  #again = false;

  constructor(
    sendTrickle: (candidateInit: string) => void,
    private readonly sendOffer: (sdp: string) => void,
  ) {
    super(SignalTarget.SUBSCRIBER, sendTrickle);
    this.reliable = this.pc.createDataChannel('_reliable', { ordered: true });
    this.lossy = this.pc.createDataChannel('_lossy', { ordered: false, maxRetransmits: 0 });
  }

  addTrack(track: MediaStreamTrack, streamId: string): RtpSender {
    return this.pc.addTransceiver(track, { direction: 'sendonly', streams: [createStream(streamId)] }).sender;
  }

  removeTrack(sender: RtpSender): void {
    this.pc.removeTrack(sender);
  }

  /** One offer in flight at a time; changes made meanwhile go into one follow-up offer. */
  async negotiate(): Promise<void> {
    if (this.#offering) {
      this.#again = true;
      return;
    }
    this.#offering = true;
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    this.sendOffer(offer.sdp);
    this.descriptionSent();
  }

  async onAnswer(sdp: string): Promise<void> {
    await this.setRemote('answer', sdp);
    this.#offering = false;
    if (this.#again) {
      this.#again = false;
      await this.negotiate();
    }
  }
}
