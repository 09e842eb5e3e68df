import type { Queryable } from '../client.js';

export interface RulePolicyRow {
  ruleId: string;
  judgment: 'auto' | 'review';
  updatedAt: Date;
  updatedBy: string | null;
  reason: string | null;
}

export async function getRulePolicies(q: Queryable, ruleIds: readonly string[]): Promise<Map<string, RulePolicyRow>> {
  const rows = await q<
    RulePolicyRow[]
  >`select * from rule_policies where rule_id = any(${ruleIds as string[]}::text[])`;
  return new Map(rows.map((r) => [r.ruleId, r]));
}

export async function setRulePolicy(
  q: Queryable,
  p: { ruleId: string; judgment: RulePolicyRow['judgment']; updatedBy: string | null; reason: string },
): Promise<{ before: RulePolicyRow | undefined; after: RulePolicyRow }> {
  const [before] = await q<RulePolicyRow[]>`select * from rule_policies where rule_id = ${p.ruleId} for update`;
  const [after] = await q<RulePolicyRow[]>`
    insert into rule_policies (rule_id, judgment, updated_at, updated_by, reason)
    values (${p.ruleId}, ${p.judgment}, now(), ${p.updatedBy}, ${p.reason})
    on conflict (rule_id) do update set judgment = excluded.judgment, updated_at = now(),
      updated_by = excluded.updated_by, reason = excluded.reason
    returning *`;
  return { before, after: after! };
}

export interface RuleHealthRow {
  ruleId: string;
  ruleVersion: number;
  detector: string;
  decisions: number;
  upheld: number;
  dismissed: number;
  automated: number;
  appealed: number;
  overturned: number;
  automatedOverturned: number;
}

/** Per rule, rule version and detector: how its flags fared with moderators and on appeal. */
export async function ruleHealth(q: Queryable, ruleId?: string): Promise<RuleHealthRow[]> {
  return q<RuleHealthRow[]>`
    select f.rule_id, f.rule_version, f.detector,
      count(*)::int as decisions,
      count(*) filter (where d.outcome = 'upheld')::int as upheld,
      count(*) filter (where d.outcome = 'dismissed')::int as dismissed,
      count(*) filter (where d.decided_by is null)::int as automated,
      count(a.id)::int as appealed,
      count(*) filter (where d.overturned_by is not null)::int as overturned,
      count(*) filter (where d.decided_by is null and d.overturned_by is not null)::int as automated_overturned
    from decisions d join flags f on f.id = d.flag_id
      left join appeals a on a.decision_id = d.id and a.status <> 'withdrawn'
    where true ${ruleId ? q`and f.rule_id = ${ruleId}` : q``}
    group by f.rule_id, f.rule_version, f.detector
    order by f.rule_id, f.rule_version, f.detector`;
}

/** Every rule that has a policy or has raised a flag. */
export async function listRules(q: Queryable): Promise<(RulePolicyRow & { flags: number })[]> {
  return q<(RulePolicyRow & { flags: number })[]>`
    with ids as (select rule_id from rule_policies union select distinct rule_id from flags)
    select ids.rule_id, coalesce(p.judgment, 'review') as judgment, p.updated_at, p.updated_by, p.reason,
      (select count(*)::int from flags f where f.rule_id = ids.rule_id) as flags
    from ids left join rule_policies p on p.rule_id = ids.rule_id order by ids.rule_id`;
}
