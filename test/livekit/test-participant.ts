/**
 * A scripted call participant on the real rtc-node client: joins, speaks a WAV file in real time,
 * and records what it receives (data packets and text streams by topic, who came and went), so a
 * test can assert what the merchant got and the customer did not.
 */
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { openWavChannels } from '../../pipelines/audio/wav-read.js';
import type { LiveKitTarget } from './test-server.js';
import { mintToken, type TokenSpec } from './tokens.js';

export type ReceivedData = { topic: string | undefined; from: string | undefined; text: string; at: number };
export type ReceivedText = {
  topic: string;
  from: string;
  text: string;
  attributes: Record<string, string>;
  at: number;
};
export type JoinOptions = { textTopics?: string[]; autoSubscribe?: boolean };
export type PresenceEvent = { identity: string; event: 'connected' | 'disconnected'; at: number };

const DROPPED_ROOMS: Room[] = [];

/** Nice value of a process playing phones and the media server: ahead of other work on the host. */
export const PHONES_NICE = -10;

/** Topics whose text streams are recorded unless a test names others. */
export const DEFAULT_TEXT_TOPICS = ['lk.transcription', 'kefu.copilot', 'kefu.notice'];

export class TestParticipant {
  readonly room = new Room();
  readonly data: ReceivedData[] = [];
  readonly texts: ReceivedText[] = [];
  readonly presence: PresenceEvent[] = [];
  readonly #tracks = new Map<string, RemoteTrack>();
  #source: AudioSource | undefined;

  private constructor() {
    const decoder = new TextDecoder();
    this.room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) =>
      this.data.push({ topic, from: participant?.identity, text: decoder.decode(payload), at: Date.now() }),
    );
    this.room.on(RoomEvent.ParticipantConnected, (p) =>
      this.presence.push({ identity: p.identity, event: 'connected', at: Date.now() }),
    );
    this.room.on(RoomEvent.ParticipantDisconnected, (p) =>
      this.presence.push({ identity: p.identity, event: 'disconnected', at: Date.now() }),
    );
    this.room.on(RoomEvent.TrackSubscribed, (track, _publication, p) => {
      if (track.kind === TrackKind.KIND_AUDIO) this.#tracks.set(p.identity, track);
    });
    this.room.on(RoomEvent.TrackUnsubscribed, (track, _publication, p) => {
      if (this.#tracks.get(p.identity) === track) this.#tracks.delete(p.identity);
    });
  }

  static async join(target: LiveKitTarget, spec: TokenSpec & JoinOptions): Promise<TestParticipant> {
    return TestParticipant.joinWithToken(target.url, await mintToken(target, spec), spec);
  }

  /**
   * Joins with a token minted elsewhere, e.g. the one an agent job assignment carries. rtc-node's
   * native core drops a room whose ConnectCallback this process did not answer (ReadyForRoomEvent)
   * within its fixed timeout, which a busy or starved event loop misses (livekit/rust-sdks#1188);
   * such a join, or one whose signalling timed out, is retried once on a fresh Room.
   */
  static async joinWithToken(url: string, token: string, options: JoinOptions = {}): Promise<TestParticipant> {
    try {
      return await TestParticipant.connect(url, token, options);
    } catch (err) {
      // Also a signalling connection that timed out or a JoinResponse later than rtc-node's fixed
      // 5 s: at high load the test server answers late (8 bench calls at load 30-40). LiveKit's own
      // clients retry a failed join once too (livekit-client's maxRetries, default 1).
      if (!/handle not found|transport timed out|failed to receive/.test(String(err))) throw err;
      return TestParticipant.connect(url, token, options);
    }
  }

  private static async connect(url: string, token: string, options: JoinOptions): Promise<TestParticipant> {
    const participant = new TestParticipant();
    for (const topic of options.textTopics ?? DEFAULT_TEXT_TOPICS) {
      participant.room.registerTextStreamHandler(topic, (reader, { identity }) => {
        // A stream still arriving when this participant leaves is cut by the leave (rtc-node errors
        // it "Disconnected while receiving"); only complete texts are kept.
        reader
          .readAll()
          .then((text) =>
            participant.texts.push({
              topic,
              from: identity,
              text,
              attributes: reader.info.attributes ?? {},
              at: Date.now(),
            }),
          )
          .catch(() => {});
      });
    }
    try {
      await participant.room.connect(url, token, { autoSubscribe: options.autoSubscribe ?? true, dynacast: false });
    } catch (err) {
      // Never collected: the native core already freed this room's handle, and rtc-node's
      // finalizer would throw "trying to drop an invalid handle" and end the process.
      DROPPED_ROOMS.push(participant.room);
      throw err;
    }
    return participant;
  }

  get identity(): string {
    return this.room.localParticipant?.identity ?? '';
  }

  /**
   * Speaks a 16-bit PCM WAV file (mono, any rate) on the microphone track, paced in real time by
   * the AudioSource's short queue; resolves after playout with each 10 ms frame's capture time.
   */
  async speak(wavPath: string): Promise<{ capturedAt: number[] }> {
    const [channel] = await openWavChannels(wavPath, { frameMs: 10 });
    if (!channel) throw new Error(`${wavPath} has no audio channel`);
    const source = await this.publishMicrophone(channel.format.sampleRate);
    const capturedAt: number[] = [];
    for await (const frame of channel.frames) {
      await source.captureFrame(new AudioFrame(frame.data, frame.sampleRate, 1, frame.data.length));
      capturedAt.push(Date.now());
    }
    await source.waitForPlayout();
    return { capturedAt };
  }

  /** Publishes the microphone track (once); `speak` calls it, tests call it to subscribe early. */
  async publishMicrophone(sampleRate = 16_000): Promise<AudioSource> {
    if (this.#source) {
      if (this.#source.sampleRate !== sampleRate)
        throw new Error(`microphone runs at ${this.#source.sampleRate} Hz, not ${sampleRate}`);
      return this.#source;
    }
    // A 100 ms queue keeps capture close to send time, which latency measurements rely on.
    this.#source = new AudioSource(sampleRate, 1, 100);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await this.room.localParticipant?.publishTrack(
      LocalAudioTrack.createAudioTrack('microphone', this.#source),
      options,
    );
    return this.#source;
  }

  /** Takes the microphone track down, as an app does when the user switches devices. */
  async unpublishMicrophone(): Promise<void> {
    const local = this.room.localParticipant;
    for (const sid of [...(local?.trackPublications.keys() ?? [])]) await local?.unpublishTrack(sid);
    await this.#source?.close();
    this.#source = undefined;
  }

  /** Audio heard from `identity` as 16 kHz mono frames; waits for the subscription first. */
  async listen(identity: string, timeoutMs = 10_000): Promise<AudioStream> {
    const track = await waitFor(
      () => this.#tracks.get(identity),
      timeoutMs,
      `${this.identity} subscribing to ${identity}'s audio`,
    );
    return new AudioStream(track, { sampleRate: 16_000, numChannels: 1 });
  }

  textsOn(topic: string): ReceivedText[] {
    return this.texts.filter((t) => t.topic === topic);
  }

  dataOn(topic: string): ReceivedData[] {
    return this.data.filter((d) => d.topic === topic);
  }

  async leave(): Promise<void> {
    await this.#source?.close();
    await this.room.disconnect();
  }
}

/** Polls `check` until it returns a value; the error names what never happened. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Root-mean-square level of 16-bit samples (full scale is 32768). */
export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
