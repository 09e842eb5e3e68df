import type { Sql } from '../client.js';

export interface Mismatch {
  table: 'decisions' | 'penalties' | 'appeals' | 'flags';
  id: string;
  problem: string;
}

/**
 * Rows of the moderation tables that the audit chain does not account for: created with no event,
 * or whose recorded facts (outcome, flag, rule, severity, overturn, appeal outcome) differ from
 * what the chain says — an edit made beside the application.
 */
export async function crossCheckAudit(sql: Sql): Promise<Mismatch[]> {
  return sql<Mismatch[]>`
    with ev as (select action, entity_id, after from audit_events)
    select 'decisions' as table, d.id::text as id,
      case when m.entity_id is null then 'no decision.made event'
           else 'outcome or flag differs from the decision.made event' end as problem
    from decisions d left join ev m on m.action = 'decision.made' and m.entity_id = d.id::text
    where m.entity_id is null or m.after->>'outcome' is distinct from d.outcome
       or m.after->>'flagId' is distinct from d.flag_id::text
    union all
    select 'decisions', d.id::text, 'overturned with no decision.overturned event'
    from decisions d where d.overturned_by is not null and not exists (
      select 1 from ev where action = 'decision.overturned' and entity_id = d.id::text
        and after->>'appealId' = d.overturned_by::text)
    union all
    select 'penalties', p.id::text, 'no penalty.applied event'
    from penalties p where not exists (select 1 from ev where action = 'penalty.applied' and entity_id = p.id::text)
    union all
    select 'appeals', a.id::text, 'no appeal.filed event'
    from appeals a where not exists (select 1 from ev where action = 'appeal.filed' and entity_id = a.id::text)
    union all
    select 'appeals', a.id::text, 'decided with no appeal.decided event'
    from appeals a where a.status = 'decided' and not exists (
      select 1 from ev where action = 'appeal.decided' and entity_id = a.id::text)
    union all
    select 'flags', f.id::text, 'rule or severity differs from the flag.raised event, or none'
    from flags f left join ev r on r.action = 'flag.raised' and r.entity_id = f.id::text
    where f.case_id is not null and (r.entity_id is null or r.after->>'ruleId' is distinct from f.rule_id
       or r.after->>'severity' is distinct from f.severity)
    order by 1, 2`;
}
