import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveFeed, LiveMessage } from '../../live/feed.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one merchant's calls (or one call): each call event as `event: call`,
 * a `resync` when the client should re-read a call. A comment line every 15 s keeps proxies
 * from closing an idle stream. The stream ends when the client goes away.
 */
export function streamCallEvents(c: Context, feed: LiveFeed, filter: { merchantId: string; callId?: string }) {
  return streamSSE(c, async (stream) => {
    let id = 0;
    const queue: LiveMessage[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = feed.subscribe(filter, (m) => {
      queue.push(m);
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ merchantId: filter.merchantId }) });
    while (!stream.aborted) {
      const m = queue.shift();
      if (m) {
        await stream.writeSSE({
          id: String(++id),
          event: m.kind === 'event' ? 'call' : 'resync',
          data: JSON.stringify(m.kind === 'event' ? m.event : { callId: m.callId }),
        });
        continue;
      }
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((done) => {
        wake = done;
        timer = setTimeout(done, HEARTBEAT_MS);
      });
      clearTimeout(timer);
      wake = undefined;
      if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
    }
    unsubscribe();
  });
}
