-- The moderation workflow's bookkeeping that 0001 left out: appeal claims, what an appeal
-- overturned, and why a rule policy changed. Columns are added, never rewritten.

-- An appeal is claimed like a case, with an expiry, so two moderators never decide one appeal.
alter table appeals add column claim_expires_at timestamptz;
alter table appeals add constraint appeals_claim_pair
  check ((assigned_to is null) = (claim_expires_at is null) or status = 'decided');

-- One appeal per decision: the internal complaint is decided once; what follows is out of court.
create unique index appeals_one_per_decision on appeals (decision_id) where status <> 'withdrawn';
create index appeals_merchant_idx on appeals (merchant_id, filed_at desc);

-- An overturned decision stays as it was (decisions are never overwritten); the overturn is
-- recorded beside it, pointing at the appeal that made it.
alter table decisions add column overturned_by uuid references appeals (id);
alter table decisions add column overturned_at timestamptz;
alter table decisions add column overturn text check (overturn in ('fully', 'partly'));
alter table decisions add constraint decisions_overturn_complete
  check ((overturned_by is null) = (overturned_at is null) and (overturned_by is null) = (overturn is null));
create index decisions_case_idx on decisions (case_id);

-- A reversed penalty names the appeal that reversed it; a partial overturn may replace it.
alter table penalties add column reversed_by uuid references appeals (id);
alter table penalties add column replaces uuid references penalties (id);
create index penalties_case_idx on penalties (case_id);

-- Why a rule's judgment changed (an admin's note, or the rule-health threshold that tripped).
alter table rule_policies add column reason text;

create index moderation_cases_merchant_idx on moderation_cases (merchant_id, opened_at desc);
create index flags_case_idx on flags (case_id);
create index sessions_expiry_idx on sessions (expires_at);
