/**
 * What an audio frame costs rtc-node's event dispatch with R rooms in one process (the shared
 * executor): each room's listener as rtc-node's Room has it (async, the room's event lock taken,
 * the event looked at and dropped), each stream's listener a synchronous handle check; with and
 * without agent/ffi-events.ts routing audio events past the rooms (decision 0775). CPU per frame
 * event, all listeners included; events of 2 streams per room, as a call has.
 * Run: npx tsx bench/ffi-route.ts [events per room count, default 20000]
 */
import { EventEmitter } from 'node:events';
import { Mutex } from '@livekit/mutex';
import { type FfiEmitter, routeAudioEvents, skipAudioEvents } from '../agent/ffi-events.js';

type Ev = { message: { case: string; value: { streamHandle: bigint; roomHandle: bigint } } };

async function measure(rooms: number, routed: boolean, events: number): Promise<number> {
  const client = new EventEmitter();
  client.setMaxListeners(0);
  for (let r = 0; r < rooms; r++) {
    const lock = new Mutex();
    const handle = BigInt(r);
    const preConnect: Ev[] = [];
    // As rtc-node 0.13's Room: the lock, then an async processFfiEvent that drops what is not its own.
    const processFfiEvent = async (ev: Ev) => {
      if (ev.message.case !== 'roomEvent' || ev.message.value.roomHandle !== handle) return;
    };
    const onFfiEvent = async (ev: Ev) => {
      const unlock = await lock.lock();
      try {
        for (const early of preConnect) await processFfiEvent(early);
        preConnect.length = 0;
        await processFfiEvent(ev);
      } finally {
        unlock();
      }
    };
    client.on('ffi_event', onFfiEvent);
    if (routed) skipAudioEvents(onFfiEvent as never);
    for (let s = 0; s < 2; s++) {
      const streamHandle = BigInt(1000 + r * 2 + s);
      let frames = 0;
      client.on('ffi_event', (ev: Ev) => {
        if (ev.message.case !== 'audioStreamEvent' || ev.message.value.streamHandle !== streamHandle) return;
        frames++;
      });
      void frames;
    }
  }
  if (routed) routeAudioEvents(client as unknown as FfiEmitter);
  const streams = rooms * 2;
  const before = process.cpuUsage();
  for (let i = 0; i < events; i++) {
    client.emit('ffi_event', {
      message: { case: 'audioStreamEvent', value: { streamHandle: BigInt(1000 + (i % streams)), roomHandle: 0n } },
    });
    // rtc-node's events arrive one per turn of the loop (a native callback each).
    if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setImmediate(resolve));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / events;
}

const events = Number(process.argv[2] ?? 20000);
for (const rooms of [1, 4, 10, 20]) {
  const n = events;
  await measure(rooms, false, 2000);
  await measure(rooms, true, 2000);
  const plain = await measure(rooms, false, n);
  const routed = await measure(rooms, true, n);
  const perSecond = rooms * 2 * (1000 / 64);
  console.log(
    `${String(rooms).padStart(2)} rooms: µs of CPU per audio frame event: every listener ${plain.toFixed(2)}, routed past the rooms ${routed.toFixed(2)}; at ${perSecond.toFixed(0)} frames/s (2 streams a room, 64 ms frames) that is ${((plain * perSecond) / 1e4).toFixed(2)} % → ${((routed * perSecond) / 1e4).toFixed(2)} % of a core`,
  );
}
