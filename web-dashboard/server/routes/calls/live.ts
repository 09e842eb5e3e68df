import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveFeed, LiveMessage } from '../../live/feed.js';
import type { StreamGuard } from '../../live/streams.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one merchant's calls (or one call): each call event as `event: call`,
 * a `resync` when the client should re-read a call. The session is re-read before every batch
 * and at least every `guard.recheckMs`; when it has ended or changed (sign-out, password, role or
 * merchant change) the stream sends `event: closed` and ends, so nothing outlives its session.
 * A comment line every 15 s keeps proxies from closing an idle stream.
 */
export function streamCallEvents(
  c: Context,
  feed: LiveFeed,
  filter: { merchantId: string; callId?: string },
  guard: StreamGuard,
) {
  return streamSSE(c, async (stream) => {
    let id = 0;
    let ended = false;
    const queue: LiveMessage[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = feed.subscribe(filter, (m) => {
      queue.push(m);
      wake?.();
    });
    const stop = () => {
      ended = true;
      wake?.();
    };
    guard.onEnded(stop);
    stream.onAbort(stop);
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ merchantId: filter.merchantId }) });
      let lastCheck = Date.now();
      let lastWrite = Date.now();
      while (!stream.aborted && !ended) {
        const due = Date.now() - lastCheck >= guard.recheckMs;
        if (queue.length > 0 || due) {
          lastCheck = Date.now();
          if (!(await guard.stillValid())) break;
        }
        for (let m = queue.shift(); m && !stream.aborted; m = queue.shift()) {
          await stream.writeSSE({
            id: String(++id),
            event: m.kind === 'event' ? 'call' : 'resync',
            data: JSON.stringify(m.kind === 'event' ? m.event : { callId: m.callId }),
          });
          lastWrite = Date.now();
        }
        if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          await stream.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((done) => {
          wake = done;
          timer = setTimeout(done, Math.min(guard.recheckMs, HEARTBEAT_MS));
          if (queue.length > 0 || ended) done();
        });
        clearTimeout(timer);
        wake = undefined;
      }
      if (!stream.aborted) await stream.writeSSE({ event: 'closed', data: JSON.stringify({ reason: 'session' }) });
    } finally {
      unsubscribe();
      guard.release();
    }
  });
}
