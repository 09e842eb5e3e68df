import type { Sql } from '../../db/client.js';
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS, demoOrders } from '../../db/seed/demo.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant, upsertUser } from '../../db/queries/people.js';
import { hashPassword } from '../auth/password.js';

export interface SeedReport {
  merchants: number;
  users: number;
  orders: number;
}

/** Idempotent: running it again refreshes the demo rows (order times move to "now"). */
export async function seedDemo(sql: Sql, options: { now?: Date; log?: (line: string) => void } = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  for (const m of DEMO_MERCHANTS) await upsertMerchant(sql, m);
  log(`seed: ${DEMO_MERCHANTS.length} merchants`);
  for (const u of DEMO_USERS) await upsertUser(sql, { ...u, passwordHash: await hashPassword(DEMO_PASSWORD) });
  log(`seed: ${DEMO_USERS.length} users (password "${DEMO_PASSWORD}")`);
  const orders = demoOrders(options.now ?? new Date());
  for (const o of orders) await upsertOrder(sql, o);
  log(`seed: ${orders.length} orders`);
  return { merchants: DEMO_MERCHANTS.length, users: DEMO_USERS.length, orders: orders.length };
}

export async function isEmpty(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from merchants) as empty`;
  return row?.empty ?? true;
}
