import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestDatabase } from '../../test/db.js';
import { type JobDefinition, startJobQueue } from './queue.js';

const waitUntil = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the job queue on the embedded database', () => {
  const db = useTestDatabase();

  it('runs a sent job once, sharing the one connection with other queries', async () => {
    const seen: string[] = [];
    const job: JobDefinition<{ word: string }> = {
      name: 'test.echo',
      data: z.object({ word: z.string() }),
      run: async ({ word }) => {
        seen.push(word);
      },
    };
    const queue = await startJobQueue(db.sql(), () => {});
    try {
      await queue.work(job);
      await queue.send(job, { word: 'hello' });
      // The app keeps using the same connection meanwhile.
      const [row] = await db.sql()<{ n: number }[]>`select 1 as n`;
      expect(row?.n).toBe(1);
      await waitUntil(() => seen.length > 0, 20_000);
      expect(seen).toEqual(['hello']);
      await expect(queue.send(job, { word: 3 } as never)).rejects.toThrow();
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("retries a job whose worker died: another process's worker picks it up", async () => {
    const job = (run: JobDefinition<{ n: number }>['run']): JobDefinition<{ n: number }> => ({
      name: 'test.crash',
      data: z.object({ n: z.number() }),
      heartbeatSeconds: 10,
      run,
    });
    const first = await startJobQueue(db.sql(), () => {});
    let started = false;
    // The first worker takes the job and never finishes: its process is gone.
    await first.work(
      job(() => {
        started = true;
        return new Promise(() => {});
      }),
    );
    await first.send(
      job(async () => {}),
      { n: 7 },
    );
    await waitUntil(() => started, 20_000);
    await first.stop().catch(() => {});

    const done: number[] = [];
    const second = await startJobQueue(db.sql(), () => {});
    try {
      await second.work(job(async ({ n }) => void done.push(n)));
      await waitUntil(() => done.length > 0, 90_000);
      expect(done).toEqual([7]);
    } finally {
      await second.stop();
    }
  }, 150_000);
});
