import { describe, expect, it } from 'vitest';
import { TimeOrderedQueue } from './time-order.js';

/** Items released so far (the drain runs until the queue finishes). */
function draining(queue: TimeOrderedQueue<{ startMs: number; id: string }>) {
  const out: string[] = [];
  const done = (async () => {
    for await (const item of queue.drain()) out.push(item.id);
  })();
  return { out, done, tick: () => new Promise((resolve) => setTimeout(resolve, 0)) };
}

describe('TimeOrderedQueue', () => {
  it("releases a speaker's final at once when it has nothing begun before it, whatever its audio watermark", async () => {
    const queue = new TimeOrderedQueue<{ startMs: number; id: string }>(1);
    const d = draining(queue);
    // The audio has run 300 ms past the start of a short answer: far less than the VAD's lag.
    queue.advance(0, 0, Number.POSITIVE_INFINITY);
    queue.add(0, { startMs: 1_000, id: 'yes' });
    await d.tick();
    expect(d.out).toEqual(['yes']);
    queue.finish(0);
    await d.done;
  });

  it("holds one speaker's final until every other speaker's watermark passes its start", async () => {
    const queue = new TimeOrderedQueue<{ startMs: number; id: string }>(2);
    const d = draining(queue);
    queue.advance(0, 0, Number.POSITIVE_INFINITY);
    queue.add(0, { startMs: 1_000, id: 'customer' });
    await d.tick();
    expect(d.out).toEqual([]);
    queue.advance(1, 999);
    await d.tick();
    expect(d.out).toEqual([]);
    queue.advance(1, 1_000);
    await d.tick();
    expect(d.out).toEqual(['customer']);
    queue.finish(0);
    queue.finish(1);
    await d.done;
  });

  it('keeps a speaker in order while an earlier utterance of its own is still open (a retry)', async () => {
    const queue = new TimeOrderedQueue<{ startMs: number; id: string }>(1);
    const d = draining(queue);
    queue.advance(0, 0, Number.POSITIVE_INFINITY);
    // Utterance 1 (started at 100 ms) failed and is being retried; utterance 2's final comes first.
    queue.advance(0, 0, 100);
    queue.add(0, { startMs: 900, id: 'second' });
    await d.tick();
    expect(d.out).toEqual([]);
    queue.add(0, { startMs: 150, id: 'first' });
    queue.advance(0, 0, Number.POSITIVE_INFINITY);
    await d.tick();
    expect(d.out).toEqual(['first', 'second']);
    queue.finish(0);
    await d.done;
  });
});
