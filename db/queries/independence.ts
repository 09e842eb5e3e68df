import type { Queryable } from '../client.js';

/** What separation of duties needs to know about a would-be appeal reviewer (decision 0171). */
export async function reviewerFacts(
  q: Queryable,
  userId: string,
  caseId: string,
  decisionId: string,
): Promise<{ touchedCase: boolean; predatesDecision: boolean }> {
  const [row] = await q<{ touchedCase: boolean; predatesDecision: boolean }[]>`
    select
      exists (select 1 from audit_events e where e.entity_type = 'case' and e.entity_id = ${caseId}
              and e.actor_kind = 'user' and e.actor_id = ${userId}
              -- Reading the case is not working on it (a reviewer must read it; decision 0175).
              and e.action <> 'merchant_data.read') as touched_case,
      coalesce((select u.created_at < d.decided_at and u.role_granted_at < d.decided_at
                from users u, decisions d where u.id = ${userId} and d.id = ${decisionId}), false) as predates_decision`;
  return row!;
}
