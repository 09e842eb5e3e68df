/**
 * rtc-node hands every event of its native core to every listener of one process-wide emitter, and
 * each listener picks out its own. A Room's listener is async and takes the room's event lock
 * before it looks, so every audio frame of every stream (one per 64 ms, speaker-stream.ts) went
 * through the lock of every room the worker hosts, only to be dropped there: with the shared
 * executor that is rooms × frames, growing with the square of the calls (decision 0775). A Room
 * never reads an audio stream's events (its `processFfiEvent` handles room events and RPC
 * invocations only), so here they skip the rooms this module is told of; every other listener
 * (the audio streams themselves, rtc-node's one-off waits) still gets every event, in order.
 */
import type { Room } from '@livekit/rtc-node';

type Listener = (...args: unknown[]) => unknown;
/** What of rtc-node's FfiClient (a Node EventEmitter) this reads. */
export interface FfiEmitter {
  emit(name: string | symbol, ...args: unknown[]): boolean;
  rawListeners(name: string | symbol): Listener[];
}

const FFI_EVENT = 'ffi_event';
const AUDIO_STREAM_EVENT = 'audioStreamEvent';
const roomListeners = new WeakSet<Listener>();
const routed = new WeakSet<FfiEmitter>();

/** Audio stream events on `client` no longer reach the listeners `skipAudioEvents` named. */
export function routeAudioEvents(client: FfiEmitter): void {
  if (routed.has(client)) return;
  routed.add(client);
  const emit = client.emit;
  client.emit = function (this: FfiEmitter, name: string | symbol, ...args: unknown[]): boolean {
    const event = args[0] as { message?: { case?: string } } | undefined;
    if (name !== FFI_EVENT || event?.message?.case !== AUDIO_STREAM_EVENT) return emit.call(this, name, ...args);
    // As EventEmitter#emit: a copy of the listeners, in order, a listener's throw propagating.
    const listeners = this.rawListeners(name);
    for (const listener of listeners) if (!roomListeners.has(listener)) Reflect.apply(listener, this, args);
    return listeners.length > 0;
  };
}

/** `listener` (a room's own) no longer hears audio stream events on a routed client. */
export function skipAudioEvents(listener: Listener): void {
  roomListeners.add(listener);
}

/**
 * Keeps audio frames out of a connected room's event lock. Reads two names rtc-node keeps private
 * (its global FfiClient and a Room's `onFfiEvent`); if either is gone after an upgrade, nothing is
 * changed and every event reaches every listener, as rtc-node does by itself.
 */
export function keepAudioFramesFromRoom(room: Room): boolean {
  const client = (globalThis as { _ffiClientInstance?: FfiEmitter })._ffiClientInstance;
  const listener = (room as unknown as { onFfiEvent?: unknown }).onFfiEvent;
  if (!client || typeof client.emit !== 'function' || typeof client.rawListeners !== 'function') return false;
  if (typeof listener !== 'function') return false;
  if (!client.rawListeners(FFI_EVENT).includes(listener as Listener)) return false;
  routeAudioEvents(client);
  skipAudioEvents(listener as Listener);
  return true;
}
