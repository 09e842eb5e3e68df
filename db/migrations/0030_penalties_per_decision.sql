-- Penalties attach to decisions: each upheld decision carries its own penalty, computed from the
-- ladder against the penalties standing before the case. The rung and the count it was computed
-- from are kept, so when an earlier penalty is reversed the later ones can be recomputed from rows.
alter table penalties add column ladder_step integer check (ladder_step >= 0);
alter table penalties add column standing_before integer check (standing_before >= 0);
create index penalties_decision_idx on penalties (decision_id);
create index penalties_standing_idx on penalties (merchant_id, starts_at) where reversed_at is null;
create index decisions_decided_idx on decisions (decided_at desc);
