import type { PromiseAction, SpeakerRole } from '../../core/domain.js';
import type { PromiseStatus } from '../../core/order-events.js';
import type { Sql } from '../client.js';

export type NoteKind = 'order_number' | 'amount' | 'product';

export interface NoteRow {
  id: string;
  callId: string;
  utteranceId: number | null;
  kind: NoteKind;
  value: Record<string, unknown>;
  spanStart: number | null;
  spanEnd: number | null;
}

export interface PromiseRow {
  id: string;
  callId: string;
  merchantId: string;
  utteranceId: number | null;
  speakerRole: SpeakerRole;
  action: PromiseAction;
  text: string;
  /** YYYY-MM-DD in the call's time zone. */
  deadline: string | null;
  conditional: boolean;
  status: PromiseStatus;
  resolvedAt: Date | null;
}

export async function insertNote(sql: Sql, n: Omit<NoteRow, 'id'>): Promise<NoteRow> {
  const [row] = await sql<NoteRow[]>`
    insert into call_notes (call_id, utterance_id, kind, value, span_start, span_end)
    values (${n.callId}, ${n.utteranceId}, ${n.kind}, ${sql.json(n.value as never)}, ${n.spanStart}, ${n.spanEnd})
    returning *`;
  return row!;
}

/** A note read again (an amount whose currency the call settled later, decision 0485). */
export async function updateNoteValue(sql: Sql, id: string, value: Record<string, unknown>): Promise<void> {
  await sql`update call_notes set value = ${sql.json(value as never)} where id = ${id}`;
}

export async function deleteNote(sql: Sql, id: string): Promise<void> {
  await sql`delete from call_notes where id = ${id}`;
}

export async function listNotes(sql: Sql, callId: string): Promise<NoteRow[]> {
  return sql<NoteRow[]>`select * from call_notes where call_id = ${callId} order by created_at, id`;
}

export async function insertPromise(
  sql: Sql,
  p: Omit<PromiseRow, 'id' | 'status' | 'resolvedAt'>,
): Promise<PromiseRow> {
  const [row] = await sql<PromiseRow[]>`
    insert into promises (call_id, merchant_id, utterance_id, speaker_role, action, text, deadline, conditional)
    values (${p.callId}, ${p.merchantId}, ${p.utteranceId}, ${p.speakerRole}, ${p.action}, ${p.text},
            ${p.deadline}, ${p.conditional})
    returning id, call_id, merchant_id, utterance_id, speaker_role, action, text,
              to_char(deadline, 'YYYY-MM-DD') as deadline, conditional, status, resolved_at`;
  return row!;
}

/** A call's promises as noted: one per promise, so those a restatement superseded are left out. */
export async function listPromises(sql: Sql, callId: string): Promise<PromiseRow[]> {
  return sql<PromiseRow[]>`
    select id, call_id, merchant_id, utterance_id, speaker_role, action, text,
           to_char(deadline, 'YYYY-MM-DD') as deadline, conditional, status, resolved_at
    from promises where call_id = ${callId} and status <> 'superseded' order by created_at, id`;
}
