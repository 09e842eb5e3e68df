import { type CallEvent, CallEventSchema } from '../../core/events.js';
import type { Database, Sql } from '../client.js';

export const CALL_EVENTS_CHANNEL = 'kefu_call_events';
// Postgres drops NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD = 7900;

/**
 * Tells other processes (the dashboard, when the bot runs elsewhere) about a call event. An event
 * too large for NOTIFY goes as a `truncated` marker; listeners then read the call from its rows.
 */
export async function notifyCallEvent(sql: Sql, merchantId: string, event: CallEvent): Promise<void> {
  let payload = JSON.stringify({ merchantId, event });
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
    payload = JSON.stringify({ merchantId, truncated: { type: event.type, callId: event.callId } });
  }
  await sql`select pg_notify(${CALL_EVENTS_CHANNEL}, ${payload})`;
}

export type NotifiedCallEvent =
  | { merchantId: string; event: CallEvent }
  | { merchantId: string; truncated: { type: CallEvent['type']; callId: string } };

/** Listens on the database's own listener; malformed payloads are ignored, not fatal. */
export function listenCallEvents(
  db: Pick<Database, 'listen'>,
  onEvent: (e: NotifiedCallEvent) => void,
): Promise<() => Promise<void>> {
  return db.listen(CALL_EVENTS_CHANNEL, (payload) => {
    try {
      const parsed = JSON.parse(payload) as Record<string, unknown>;
      if (typeof parsed.merchantId !== 'string') return;
      if (parsed.event) {
        const event = CallEventSchema.safeParse(parsed.event);
        if (event.success) onEvent({ merchantId: parsed.merchantId, event: event.data });
      } else if (parsed.truncated) {
        onEvent(parsed as NotifiedCallEvent);
      }
    } catch {
      // Another writer's payload on our channel: not a call event.
    }
  });
}
