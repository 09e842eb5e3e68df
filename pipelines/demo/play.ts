import { setTimeout as sleep } from 'node:timers/promises';
import type { CallEvent } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import type { CallAnalyzers } from '../session/analyzers.js';
import { replayCall } from '../session/replay.js';
import { DEMO_CALLS, readDemoCall } from './calls.js';

export interface DemoDeps {
  sql: Sql;
  analyzers: CallAnalyzers;
  /** Where each call's events go (the dashboard's bus), with the merchant they belong to. */
  publish: (merchantId: string, event: CallEvent) => void;
  log: (line: string) => void;
  signal: AbortSignal;
}

let rooms = 0;
const room = (name: string) => `demo-${name}-${Date.now().toString(36)}-${++rooms}`;

/**
 * Plays every demo call once, instantly, as calls from earlier today, so the history pages have
 * data; each ends as every call does, its flags in a moderation case.
 */
export async function playPastCalls(deps: Omit<DemoDeps, 'signal' | 'publish'>): Promise<void> {
  for (const [i, c] of DEMO_CALLS.entries()) {
    const startedAt = new Date(Date.now() - (3 + i) * 3600_000);
    await replayCall(
      { sql: deps.sql, analyzers: deps.analyzers, emit: () => {} },
      { kind: 'transcript', lines: await readDemoCall(c) },
      {
        room: room(c.name),
        merchantId: c.merchantId,
        buyerId: c.buyerId,
        buyerName: c.buyerName,
        orderIds: c.orderIds,
        startedAt,
        timeZone: c.timeZone,
      },
    );
  }
  deps.log(`demo: ${DEMO_CALLS.length} past calls replayed (zh, en)`);
}

/**
 * Plays the demo calls for all merchants at once at the pace they were spoken, then again after a
 * pause, `rounds` times, so a merchant who signs in soon sees a call arrive live. Stops on `signal`.
 */
export async function playLiveCalls(
  deps: DemoDeps,
  options: { rounds: number; pauseMs: number; merchantId?: string },
): Promise<void> {
  const calls = DEMO_CALLS.filter((c) => !options.merchantId || c.merchantId === options.merchantId);
  for (let round = 1; round <= options.rounds && !deps.signal.aborted; round++) {
    deps.log(`demo: live round ${round}/${options.rounds}: ${calls.length} calls at real-time pace`);
    await Promise.all(
      calls.map(async (c) => {
        await replayCall(
          {
            sql: deps.sql,
            analyzers: deps.analyzers,
            emit: (e) => {
              if (e.type === 'flag.raised') deps.log(`demo: ${c.name}: flag ${e.flag.category} raised`);
              deps.publish(c.merchantId, e);
            },
            signal: deps.signal,
          },
          { kind: 'transcript', lines: await readDemoCall(c) },
          {
            room: room(c.name),
            merchantId: c.merchantId,
            buyerId: c.buyerId,
            buyerName: c.buyerName,
            orderIds: c.orderIds,
            startedAt: new Date(),
            timeZone: c.timeZone,
          },
          { realtime: true },
        );
      }),
    );
    if (round < options.rounds) await sleep(options.pauseMs, undefined, { signal: deps.signal });
  }
}

/** What the dashboard may ask of the demo: a merchant's demo call played once more, live. */
export interface DemoControl {
  /** Whether this merchant has demo calls, and whether one is playing now. */
  state(merchantId: string): { available: boolean; playing: boolean };
  /** Starts the merchant's demo call; false when it has none or one is already playing. */
  playAgain(merchantId: string): boolean;
}

export function demoControl(deps: DemoDeps): DemoControl {
  const playing = new Set<string>();
  const available = (m: string) => DEMO_CALLS.some((c) => c.merchantId === m);
  return {
    state: (m) => ({ available: available(m), playing: playing.has(m) }),
    playAgain(m) {
      if (!available(m) || playing.has(m) || deps.signal.aborted) return false;
      playing.add(m);
      playLiveCalls(deps, { rounds: 1, pauseMs: 0, merchantId: m })
        .catch((err: unknown) => {
          if (!deps.signal.aborted) deps.log(`demo: replay for ${m} stopped: ${String(err)}`);
        })
        .finally(() => playing.delete(m));
      return true;
    },
  };
}
