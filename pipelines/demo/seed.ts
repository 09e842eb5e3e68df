import type { Sql } from '../../db/client.js';
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS, demoOrders } from '../../db/seed/demo.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant, upsertUser } from '../../db/queries/people.js';
import { hashPassword } from '../auth/password.js';
import type { Embedder } from '../embed/contract.js';
import { seedPolicies } from '../suggest/policy-store.js';

export interface SeedReport {
  merchants: number;
  users: number;
  orders: number;
  policies: number;
}

/** Idempotent: running it again refreshes the demo rows (order times move to "now"). */
export async function seedDemo(
  sql: Sql,
  /** Without an embedder the policies are left to whoever seeds them with theirs (`buildAdvisor`). */
  options: { embedder?: Embedder; now?: Date; log?: (line: string) => void } = {},
): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  for (const m of DEMO_MERCHANTS) await upsertMerchant(sql, m);
  log(`seed: ${DEMO_MERCHANTS.length} merchants`);
  for (const u of DEMO_USERS) await upsertUser(sql, { ...u, passwordHash: await hashPassword(DEMO_PASSWORD) });
  log(`seed: ${DEMO_USERS.length} users (password "${DEMO_PASSWORD}")`);
  const orders = demoOrders(options.now ?? new Date());
  for (const o of orders) await upsertOrder(sql, o);
  log(`seed: ${orders.length} orders`);
  let policies = 0;
  if (options.embedder) {
    const seeded = await seedPolicies(sql, options.embedder);
    policies = seeded.policies;
    log(`seed: ${policies} after-sales policies (zh, en) embedded with ${seeded.model}`);
  }
  return { merchants: DEMO_MERCHANTS.length, users: DEMO_USERS.length, orders: orders.length, policies };
}

export async function isEmpty(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from merchants) as empty`;
  return row?.empty ?? true;
}
