import type { Sql } from '../../db/client.js';
import { DEMO_CALLS, readDemoCall } from '../../pipelines/demo/calls.js';
import type { CallAnalyzers } from '../../pipelines/session/analyzers.js';
import type { CallEventBus } from '../../pipelines/session/event-bus.js';
import { replayCall } from '../../pipelines/session/replay.js';

/**
 * Replays one demo call into the database. `pace` > 0 plays it live at that fraction of its
 * spoken length (0.25: four times faster), publishing its events on the bus; 0 plays it at once.
 */
export async function replayDemo(
  deps: { sql: Sql; analyzers: CallAnalyzers; bus: CallEventBus },
  name: string,
  options: { pace?: number } = {},
): Promise<{ callId: string; merchantId: string }> {
  const demo = DEMO_CALLS.find((c) => c.name === name)!;
  const pace = options.pace ?? 0;
  const scale = pace > 0 ? pace : 1;
  const lines = (await readDemoCall(demo)).map((l) => ({
    ...l,
    startMs: Math.round(l.startMs * scale),
    endMs: Math.round(l.endMs * scale),
  }));
  const { callId } = await replayCall(
    {
      sql: deps.sql,
      analyzers: deps.analyzers,
      emit: (event) => deps.bus.publish({ merchantId: demo.merchantId, event }),
    },
    { kind: 'transcript', lines },
    {
      room: `test-${name}-${Math.random().toString(36).slice(2)}`,
      merchantId: demo.merchantId,
      buyerId: demo.buyerId,
      buyerName: demo.buyerName,
      orderIds: demo.orderIds,
      startedAt: new Date(),
      timeZone: demo.timeZone,
    },
    { realtime: pace > 0 },
  );
  return { callId, merchantId: demo.merchantId };
}
