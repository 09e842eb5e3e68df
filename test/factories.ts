import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/client.js';
import { createCall, insertUtterance, type CallRow, type UtteranceRow } from '../db/queries/calls.js';
import { upsertMerchant } from '../db/queries/people.js';

/** A merchant with one call and a two-line conversation, unique per call to this function. */
export async function makeCallWithUtterances(
  sql: Sql,
  lines: { speakerRole: 'merchant' | 'customer'; text: string }[] = [
    { speakerRole: 'customer', text: '我的订单 240611587736219 的苹果烂了' },
    { speakerRole: 'merchant', text: '抱歉，我今天给您退款' },
  ],
): Promise<{ merchantId: string; call: CallRow; utterances: UtteranceRow[] }> {
  const merchantId = `m-${randomUUID().slice(0, 8)}`;
  await upsertMerchant(sql, { id: merchantId, name: `测试店铺 ${merchantId}` });
  const call = await createCall(sql, { room: `room-${randomUUID()}`, merchantId, buyerId: 'b-1', language: 'zh' });
  const utterances: UtteranceRow[] = [];
  let t = 0;
  for (const line of lines) {
    utterances.push(
      await insertUtterance(sql, {
        callId: call.id,
        speakerRole: line.speakerRole,
        text: line.text,
        startMs: t,
        endMs: t + 1500,
        sttEngine: 'transcript',
      }),
    );
    t += 2000;
  }
  return { merchantId, call, utterances };
}
