-- Decisions, penalties, appeals and flags become append-only (decision 0174). Each keeps its
-- original row, never changed again (`*_rows`), and every later change is a row of its own in
-- an event table: a flag taken by a case, a decision's statement and its overturn, a penalty's
-- reversal, an appeal's claims and its outcome. A view with the table's old name assembles the
-- current state, so every reader sees the columns it always saw. UPDATE, DELETE and TRUNCATE of
-- any of these tables are refused by trigger, for every role, on PGlite and Postgres alike.

alter table flags rename to flag_rows;
alter table decisions rename to decision_rows;
alter table penalties rename to penalty_rows;
alter table appeals rename to appeal_rows;

-- 0052's row-change triggers can no longer fire (nothing is updated); each event row is audited.
drop trigger decisions_audit_row_change on decision_rows;
drop trigger penalties_audit_row_change on penalty_rows;
drop trigger appeals_audit_row_change on appeal_rows;
drop trigger flags_audit_row_change on flag_rows;

create table flag_case_links (
  flag_id  uuid primary key references flag_rows (id),
  case_id  uuid not null references moderation_cases (id),
  at       timestamptz not null default now()
);
create index flag_case_links_case_idx on flag_case_links (case_id);

-- The statement of reasons is written once the decision's penalty is known, in the same transaction.
create table decision_statements (
  decision_id  uuid primary key references decision_rows (id),
  statement    jsonb not null,
  at           timestamptz not null default now()
);

create table decision_overturns (
  decision_id  uuid primary key references decision_rows (id),
  appeal_id    uuid not null references appeal_rows (id),
  overturn     text not null check (overturn in ('fully', 'partly')),
  at           timestamptz not null default now()
);

create table penalty_reversals (
  penalty_id  uuid primary key references penalty_rows (id),
  appeal_id   uuid references appeal_rows (id),
  note        text,
  at          timestamptz not null default now()
);

-- Claim n+1 of an appeal: two moderators racing for it both try the same n, and one loses.
create table appeal_claims (
  appeal_id    uuid not null references appeal_rows (id),
  n            integer not null check (n > 0),
  assigned_to  uuid not null references users (id),
  expires_at   timestamptz not null,
  at           timestamptz not null default now(),
  primary key (appeal_id, n)
);

create table appeal_outcomes (
  appeal_id     uuid primary key references appeal_rows (id),
  outcome       text not null check (outcome in ('upheld', 'overturned_fully', 'overturned_partly')),
  outcome_text  text,
  decided_by    uuid not null references users (id),
  decided_at    timestamptz not null default now()
);

-- What existing rows had changed moves into the event tables before the columns go.
insert into flag_case_links (flag_id, case_id, at) select id, case_id, created_at from flag_rows where case_id is not null;
insert into decision_overturns (decision_id, appeal_id, overturn, at)
  select id, overturned_by, overturn, overturned_at from decision_rows where overturned_by is not null;
insert into penalty_reversals (penalty_id, appeal_id, note, at)
  select id, reversed_by, reversal_note, reversed_at from penalty_rows where reversed_at is not null;
insert into appeal_claims (appeal_id, n, assigned_to, expires_at, at)
  select id, 1, assigned_to, coalesce(claim_expires_at, decided_at, filed_at), filed_at
  from appeal_rows where assigned_to is not null;
insert into appeal_outcomes (appeal_id, outcome, outcome_text, decided_by, decided_at)
  select id, outcome, outcome_text, decided_by, decided_at from appeal_rows where status = 'decided';

alter table flag_rows drop column case_id;
alter table decision_rows drop column overturned_by, drop column overturned_at, drop column overturn;
alter table penalty_rows drop column reversed_at, drop column reversal_note, drop column reversed_by;
alter table appeal_rows drop column assigned_to, drop column claim_expires_at, drop column outcome,
  drop column outcome_text, drop column decided_by, drop column decided_at;
create index penalty_rows_standing_idx on penalty_rows (merchant_id, starts_at);

create view flags as
  select f.id, f.call_id, f.merchant_id, f.utterance_id, l.case_id, f.category, f.severity, f.rule_id,
    f.rule_version, f.detector, f.confidence, f.speaker_role, f.evidence_text, f.span_start, f.span_end,
    f.audio_start_ms, f.audio_end_ms, f.status, f.created_at, f.promise_id
  from flag_rows f left join flag_case_links l on l.flag_id = f.id;

create view decisions as
  select d.id, d.case_id, d.flag_id, d.outcome, d.reason_code, d.reason_text, d.decided_by,
    d.automated_detection, d.automated_decision, coalesce(s.statement, d.statement) as statement,
    d.decided_at, o.appeal_id as overturned_by, o.at as overturned_at, o.overturn
  from decision_rows d
    left join decision_statements s on s.decision_id = d.id
    left join decision_overturns o on o.decision_id = d.id;

create view penalties as
  select p.id, p.merchant_id, p.case_id, p.decision_id, p.kind, p.points, p.starts_at, p.ends_at,
    r.at as reversed_at, r.note as reversal_note, p.replaces, p.ladder_step, p.standing_before,
    r.appeal_id as reversed_by
  from penalty_rows p left join penalty_reversals r on r.penalty_id = p.id;

-- An appeal's status: decided once it has an outcome, otherwise claimed once anyone claimed it.
-- A decided appeal keeps who held it and drops the claim's expiry, as the row once did.
create view appeals as
  select a.id, a.merchant_id, a.case_id, a.decision_id, a.filed_by, a.statement, a.attachments,
    case when o.appeal_id is not null then 'decided' when a.status = 'withdrawn' then 'withdrawn'
         when c.appeal_id is not null then 'claimed' else 'open' end as status,
    a.filed_at, a.sla_due_at, coalesce(o.decided_by, c.assigned_to) as assigned_to,
    o.outcome, o.outcome_text, o.decided_by, o.decided_at,
    case when o.appeal_id is null then c.expires_at end as claim_expires_at
  from appeal_rows a
    left join appeal_outcomes o on o.appeal_id = a.id
    left join lateral (select * from appeal_claims x where x.appeal_id = a.id order by x.n desc limit 1) c on true;

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: a change is a new row (decision 0174)', tg_table_name
    using errcode = '55000';
end $$;

-- Every event row is also an audit event written by the database, whoever inserted it and
-- however (decision 0172): a change made beside the application leaves its trace in the chain.
create function audit_event_row() returns trigger language plpgsql as $$
begin
  insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
  values ('database', current_user, tg_argv[0] || '.row_updated', tg_argv[0], to_jsonb(new)->>tg_argv[1],
          null, jsonb_build_object(tg_table_name, to_jsonb(new)), '', '');
  return null;
end $$;

do $$
declare t text;
begin
  foreach t in array array['flag_rows', 'decision_rows', 'penalty_rows', 'appeal_rows', 'flag_case_links',
    'decision_statements', 'decision_overturns', 'penalty_reversals', 'appeal_claims', 'appeal_outcomes'] loop
    -- Statement level: even an UPDATE or DELETE that matches no row is refused.
    execute format('create trigger %I before update or delete or truncate on %I for each statement
                    execute function refuse_change()', t || '_append_only', t);
  end loop;
end $$;

create trigger flag_case_links_audit after insert on flag_case_links
  for each row execute function audit_event_row('flags', 'flag_id');
create trigger decision_statements_audit after insert on decision_statements
  for each row execute function audit_event_row('decisions', 'decision_id');
create trigger decision_overturns_audit after insert on decision_overturns
  for each row execute function audit_event_row('decisions', 'decision_id');
create trigger penalty_reversals_audit after insert on penalty_reversals
  for each row execute function audit_event_row('penalties', 'penalty_id');
create trigger appeal_claims_audit after insert on appeal_claims
  for each row execute function audit_event_row('appeals', 'appeal_id');
create trigger appeal_outcomes_audit after insert on appeal_outcomes
  for each row execute function audit_event_row('appeals', 'appeal_id');
