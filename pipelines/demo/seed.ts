import type { Sql } from '../../db/client.js';
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS, demoOrders } from '../../db/seed/demo.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant, upsertUser } from '../../db/queries/people.js';
import { markSeeded } from '../../db/queries/seed-runs.js';
import { hashPassword } from '../auth/password.js';
import type { Embedder } from '../embed/contract.js';
import { seedPolicies } from '../suggest/policy-store.js';

export interface SeedReport {
  merchants: number;
  users: number;
  orders: number;
  policies: number;
}

/**
 * Idempotent: running it again refreshes the demo rows (order times move to "now"). One
 * transaction, marked 'demo-data' on commit: a crash halfway leaves nothing to mistake for a seed.
 */
export async function seedDemo(
  sql: Sql,
  /** Without an embedder the policies are left to whoever seeds them with theirs (`buildAdvisor`). */
  options: { embedder?: Embedder; now?: Date; log?: (line: string) => void } = {},
): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  // Hashing is slow (scrypt): done before the transaction, which then only writes.
  const users = await Promise.all(
    DEMO_USERS.map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) })),
  );
  const orders = demoOrders(options.now ?? new Date());
  const report = await sql.begin(async (t) => {
    // The query helpers take the pool type; a transaction answers the same tagged templates.
    const tx = t as unknown as Sql;
    for (const m of DEMO_MERCHANTS) await upsertMerchant(tx, m);
    for (const u of users) await upsertUser(tx, u);
    for (const o of orders) await upsertOrder(tx, o);
    const seeded = options.embedder ? await seedPolicies(tx, options.embedder) : undefined;
    await markSeeded(tx, 'demo-data');
    return {
      merchants: DEMO_MERCHANTS.length,
      users: users.length,
      orders: orders.length,
      policies: seeded?.policies ?? 0,
      model: seeded?.model,
    };
  });
  log(`seed: ${report.merchants} merchants`);
  log(`seed: ${report.users} users (password "${DEMO_PASSWORD}")`);
  log(`seed: ${report.orders} orders`);
  if (report.model) log(`seed: ${report.policies} after-sales policies (zh, en) embedded with ${report.model}`);
  return { merchants: report.merchants, users: report.users, orders: report.orders, policies: report.policies };
}
