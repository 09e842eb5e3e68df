import type { UserRole } from '../../core/domain.js';
import type { Sql } from '../client.js';

export interface MerchantRow {
  id: string;
  name: string;
  platform: string;
  timeZone: string;
  createdAt: Date;
}

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  merchantId: string | null;
  passwordHash: string;
  locale: string;
}

export async function upsertMerchant(
  sql: Sql,
  m: { id: string; name: string; platform?: string; timeZone?: string },
): Promise<MerchantRow> {
  const [row] = await sql<MerchantRow[]>`
    insert into merchants (id, name, platform, time_zone)
    values (${m.id}, ${m.name}, ${m.platform ?? 'pinduoduo'}, ${m.timeZone ?? 'Asia/Shanghai'})
    on conflict (id) do update set name = excluded.name, platform = excluded.platform,
      time_zone = excluded.time_zone
    returning *`;
  return row!;
}

export async function getMerchant(sql: Sql, id: string): Promise<MerchantRow | undefined> {
  const [row] = await sql<MerchantRow[]>`select * from merchants where id = ${id}`;
  return row;
}

export async function upsertUser(sql: Sql, u: Omit<UserRow, 'id' | 'locale'> & { locale?: string }): Promise<UserRow> {
  const [row] = await sql<UserRow[]>`
    insert into users (email, display_name, role, merchant_id, password_hash, locale)
    values (${u.email}, ${u.displayName}, ${u.role}, ${u.merchantId}, ${u.passwordHash}, ${u.locale ?? 'zh-CN'})
    on conflict (email) do update set display_name = excluded.display_name, role = excluded.role,
      merchant_id = excluded.merchant_id, password_hash = excluded.password_hash, locale = excluded.locale
    returning *`;
  return row!;
}

export async function getUserByEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow[]>`select * from users where email = ${email.toLowerCase()}`;
  return row;
}
