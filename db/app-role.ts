import { KefuError } from '../core/errors.js';
import type { Sql } from './client.js';

/**
 * Tables the app may only append to and read: the evidence (decision 0173), the moderation
 * record, whose changes are rows of their own (decision 0174), and where each provisional reply
 * the merchant saw stands (decision 0495).
 */
const APPEND_ONLY = [
  'audit_events',
  'flag_rows',
  'flag_case_links',
  'decision_rows',
  'decision_statements',
  'decision_overturns',
  'penalty_rows',
  'penalty_reversals',
  'appeal_rows',
  'appeal_claims',
  'appeal_outcomes',
  'suggestion_states',
] as const;

/**
 * Run as the schema's owner after migrating: the app's role may read and write Kefu's tables but
 * owns none of them, so it can neither disable their triggers (that takes ownership) nor set
 * session_replication_role (that takes a superuser). The audit trail it may only append to.
 * pg-boss makes its queue's tables in a schema made here: the app role owns those, jobs not evidence.
 */
export async function grantAppRole(owner: Sql, appRole: string): Promise<void> {
  const role = owner(appRole);
  await owner.begin(async (tx) => {
    await tx`grant usage on schema public to ${role}`;
    await tx`grant select, insert, update, delete on all tables in schema public to ${role}`;
    await tx`grant usage, select on all sequences in schema public to ${role}`;
    for (const table of APPEND_ONLY) await tx`revoke update, delete, truncate on ${tx(table)} from ${role}`;
    await tx`revoke insert, update, delete, truncate on schema_migrations from ${role}`;
    await tx`create schema if not exists pgboss`;
    await tx`grant usage, create on schema pgboss to ${role}`;
  });
}

export interface RoleReach {
  role: string;
  superuser: boolean;
  /** Tables outside the job queue's schema this role owns. */
  ownedTables: number;
}

/** What the connected role could do to the evidence beside the app: own tables, or be a superuser. */
export async function roleReach(sql: Sql): Promise<RoleReach> {
  const [row] = await sql<RoleReach[]>`
    select current_user as role,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      (select count(*)::int from pg_tables where tableowner = current_user and schemaname not in ('pgboss')) as owned_tables`;
  return row!;
}

/** With a separate migration role configured, the app's own role must not be able to undo the evidence. */
export function assertAppRoleOwnsNothing(reach: RoleReach): void {
  if (reach.superuser || reach.ownedTables > 0)
    throw new KefuError(
      'CONFIG_INVALID',
      `DATABASE_URL: role "${reach.role}" ${reach.superuser ? 'is a superuser' : `owns ${reach.ownedTables} tables`}; with KEFU_MIGRATION_DATABASE_URL set the app must connect as a role that owns nothing (decision 0173)`,
    );
}
