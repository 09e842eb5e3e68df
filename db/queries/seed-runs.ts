import type { Sql } from '../client.js';

/** Seed sets Kefu records: the demo rows, and the demo calls played into history once. */
export type SeedName = 'demo-data' | 'demo-calls';

export async function markSeeded(sql: Sql, name: SeedName): Promise<void> {
  await sql`insert into seed_runs (name) values (${name})
            on conflict (name) do update set completed_at = now()`;
}

export async function isSeeded(sql: Sql, name: SeedName): Promise<boolean> {
  const [row] = await sql<{ done: boolean }[]>`select exists (select 1 from seed_runs where name = ${name}) as done`;
  return row?.done ?? false;
}
