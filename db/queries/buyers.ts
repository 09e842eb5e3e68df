import { BuyerNameSchema } from '../../core/buyer.js';
import type { Queryable } from '../client.js';

/** Stores the platform's latest masked name for a buyer; a name Kefu would refuse is refused here too. */
export async function setBuyerName(q: Queryable, buyerId: string, name: string): Promise<void> {
  const checked = BuyerNameSchema.parse(name);
  await q`
    insert into buyers (id, name) values (${buyerId}, ${checked})
    on conflict (id) do update set name = excluded.name, updated_at = now()
    where buyers.name is distinct from excluded.name`;
}
