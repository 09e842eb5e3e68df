-- Kefu's domain schema. Later migrations extend it; they never rewrite a table in place.
-- Conventions: snake_case; timestamps are timestamptz; ids are uuid except where the platform
-- owns the id (merchants, orders) or order matters (utterances, audit events: identity).

create extension if not exists vector;

-- ── Tenancy and people ──────────────────────────────────────────────────────────────────────
create table merchants (
  id          text primary key,
  name        text not null,
  platform    text not null default 'pinduoduo',
  time_zone   text not null default 'Asia/Shanghai',
  created_at  timestamptz not null default now()
);

create table users (
  id             uuid primary key default gen_random_uuid(),
  email          text not null unique,
  display_name   text not null,
  role           text not null check (role in ('merchant_staff', 'moderator', 'admin')),
  merchant_id    text references merchants (id),
  password_hash  text not null,
  locale         text not null default 'zh-CN',
  created_at     timestamptz not null default now(),
  -- merchant staff belong to exactly one merchant; moderators and admins to none
  check ((role = 'merchant_staff') = (merchant_id is not null))
);

create table sessions (
  id          text primary key, -- sha256 of the cookie token; the token itself is never stored
  user_id     uuid not null references users (id) on delete cascade,
  csrf_token  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- ── The platform's order facts (refunds are computed from these) ────────────────────────────
create table orders (
  id            text primary key,
  merchant_id   text not null references merchants (id),
  buyer_id      text not null,
  items         jsonb not null default '[]' check (jsonb_typeof(items) = 'array'),
  amount        numeric(12, 2) not null check (amount >= 0),
  currency      char(3) not null default 'CNY',
  status        text not null check (status in
                  ('pending', 'paid', 'shipped', 'delivered', 'completed', 'refunding', 'refunded', 'cancelled')),
  placed_at     timestamptz not null default now(),
  paid_at       timestamptz,
  shipped_at    timestamptz,
  delivered_at  timestamptz
);
create index orders_merchant_idx on orders (merchant_id);
create index orders_buyer_idx on orders (buyer_id);

-- ── Calls and what was said ─────────────────────────────────────────────────────────────────
create table calls (
  id           uuid primary key default gen_random_uuid(),
  room         text not null unique,
  merchant_id  text not null references merchants (id),
  buyer_id     text not null,
  order_ids    text[] not null default '{}',
  language     text, -- 'zh', 'en', 'mixed'; null until known
  time_zone    text not null default 'Asia/Shanghai',
  status       text not null default 'active' check (status in ('active', 'ended')),
  started_at   timestamptz not null default now(),
  ended_at     timestamptz,
  audio_uri    text,
  summary      jsonb,
  check (ended_at is null or ended_at >= started_at)
);
create index calls_merchant_idx on calls (merchant_id, started_at desc);

create table call_participants (
  id          uuid primary key default gen_random_uuid(),
  call_id     uuid not null references calls (id) on delete cascade,
  identity    text not null,
  role        text not null check (role in ('merchant', 'customer', 'agent')),
  user_id     uuid references users (id),
  joined_at   timestamptz not null default now(),
  left_at     timestamptz
);
create index call_participants_call_idx on call_participants (call_id, identity);

create table utterances (
  id                    bigint generated always as identity primary key,
  call_id               uuid not null references calls (id) on delete cascade,
  seq                   integer not null check (seq >= 0),
  speaker_role          text not null check (speaker_role in ('merchant', 'customer')),
  participant_identity  text,
  text                  text not null,
  start_ms              integer not null check (start_ms >= 0),
  end_ms                integer not null,
  language              text,
  stt_engine            text not null,
  stt_confidence        real check (stt_confidence between 0 and 1),
  is_final              boolean not null default true,
  created_at            timestamptz not null default now(),
  unique (call_id, seq),
  check (end_ms >= start_ms)
);

-- ── Structured notes ────────────────────────────────────────────────────────────────────────
-- Order numbers, amounts and products: one row each, pointing at the words they came from.
create table call_notes (
  id            uuid primary key default gen_random_uuid(),
  call_id       uuid not null references calls (id) on delete cascade,
  utterance_id  bigint references utterances (id),
  kind          text not null check (kind in ('order_number', 'amount', 'product')),
  value         jsonb not null,
  span_start    integer,
  span_end      integer,
  created_at    timestamptz not null default now(),
  check (span_end is null or span_end >= span_start)
);
create index call_notes_call_idx on call_notes (call_id, kind);

-- Promises form a ledger per merchant: open until kept, broken or cancelled.
create table promises (
  id            uuid primary key default gen_random_uuid(),
  call_id       uuid not null references calls (id) on delete cascade,
  merchant_id   text not null references merchants (id),
  utterance_id  bigint references utterances (id),
  speaker_role  text not null check (speaker_role in ('merchant', 'customer')),
  action        text not null check (action in ('refund', 'ship', 'callback', 'visit', 'compensate', 'other')),
  text          text not null,
  deadline      date, -- in the call's time zone; null when no time was given
  conditional   boolean not null default false,
  status        text not null default 'open' check (status in ('open', 'kept', 'broken', 'cancelled')),
  resolved_at   timestamptz,
  created_at    timestamptz not null default now()
);
create index promises_ledger_idx on promises (merchant_id, status, deadline);

-- ── After-sales policy knowledge base ───────────────────────────────────────────────────────
create table policy_documents (
  id          text primary key, -- e.g. 'zh.return.7day'
  language    text not null,
  version     integer not null default 1 check (version > 0),
  title       text not null,
  body        text not null,
  tags        text[] not null default '{}',
  source      text,
  updated_at  timestamptz not null default now()
);

-- One row per (document, embedding model). Vectors are zero-padded to 1024 dimensions, which
-- leaves cosine distance unchanged, so models of any size up to 1024 share one column and
-- index; the model name beside each vector keeps different models from ever being compared.
-- See docs/decisions/0003-embedding-column.md.
create table policy_embeddings (
  policy_id   text not null references policy_documents (id) on delete cascade,
  model       text not null,
  dims        integer not null check (dims between 1 and 1024),
  embedding   vector(1024) not null,
  created_at  timestamptz not null default now(),
  primary key (policy_id, model)
);
create index policy_embeddings_hnsw on policy_embeddings using hnsw (embedding vector_cosine_ops);

-- ── What the bot told the merchant ──────────────────────────────────────────────────────────
create table suggestions (
  id                  uuid primary key default gen_random_uuid(),
  call_id             uuid not null references calls (id) on delete cascade,
  after_utterance_id  bigint references utterances (id),
  kind                text not null check (kind in ('reply', 'refund_option', 'coaching')),
  text                text not null,
  payload             jsonb not null default '{}',
  policy_ids          text[] not null default '{}',
  engine              text not null,
  shown_at            timestamptz,
  created_at          timestamptz not null default now()
);
create index suggestions_call_idx on suggestions (call_id, created_at);

-- The merchant's app reports what it did with a suggestion: the product's feedback loop.
create table suggestion_feedback (
  id             uuid primary key default gen_random_uuid(),
  suggestion_id  uuid not null references suggestions (id) on delete cascade,
  action         text not null check (action in ('shown', 'used', 'dismissed', 'chosen')),
  actor          text,
  at             timestamptz not null default now()
);

-- ── Compliance ──────────────────────────────────────────────────────────────────────────────
-- Rules themselves are versioned data files; this table holds what operations change at run
-- time: whether a rule's flags may be judged automatically.
create table rule_policies (
  rule_id      text primary key,
  judgment     text not null default 'review' check (judgment in ('auto', 'review')),
  updated_at   timestamptz not null default now(),
  updated_by   uuid references users (id)
);

create table flags (
  id              uuid primary key default gen_random_uuid(),
  call_id         uuid not null references calls (id) on delete cascade,
  merchant_id     text not null references merchants (id),
  utterance_id    bigint not null references utterances (id),
  case_id         uuid, -- set when a moderation case takes the flag; fk added below
  category        text not null check (category in ('off_platform_payment', 'contact_exchange',
                    'review_manipulation', 'abuse', 'privacy_request', 'prohibited_claim', 'refund_obstruction')),
  severity        text not null check (severity in ('low', 'medium', 'high', 'critical')),
  rule_id         text not null,
  rule_version    integer not null check (rule_version > 0),
  detector        text not null,
  confidence      real not null check (confidence between 0 and 1),
  speaker_role    text not null check (speaker_role in ('merchant', 'customer')),
  evidence_text   text not null,
  span_start      integer not null check (span_start >= 0),
  span_end        integer not null,
  audio_start_ms  integer,
  audio_end_ms    integer,
  status          text not null default 'raised' check (status in ('raised', 'rejected')),
  created_at      timestamptz not null default now(),
  check (span_end > span_start),
  check (audio_end_ms is null or audio_end_ms >= audio_start_ms)
);
create index flags_call_idx on flags (call_id);
create index flags_merchant_idx on flags (merchant_id, created_at desc);

-- Each detection layer (rules, semantic similarity, LLM adjudication) records its own verdict.
create table flag_verdicts (
  id          uuid primary key default gen_random_uuid(),
  flag_id     uuid not null references flags (id) on delete cascade,
  layer       text not null check (layer in ('rule', 'semantic', 'llm')),
  verdict     text not null check (verdict in ('candidate', 'confirmed', 'rejected', 'abstained')),
  confidence  real check (confidence between 0 and 1),
  detail      jsonb not null default '{}',
  created_at  timestamptz not null default now()
);
create index flag_verdicts_flag_idx on flag_verdicts (flag_id);

-- ── Moderation ──────────────────────────────────────────────────────────────────────────────
create table moderation_cases (
  id                uuid primary key default gen_random_uuid(),
  merchant_id       text not null references merchants (id),
  call_id           uuid not null references calls (id),
  status            text not null default 'open' check (status in ('open', 'claimed', 'decided', 'closed')),
  severity          text not null check (severity in ('low', 'medium', 'high', 'critical')),
  opened_at         timestamptz not null default now(),
  sla_due_at        timestamptz not null,
  claimed_by        uuid references users (id),
  claim_expires_at  timestamptz,
  decided_at        timestamptz,
  unique (merchant_id, call_id),
  check ((claimed_by is null) = (claim_expires_at is null))
);
create index moderation_cases_queue_idx on moderation_cases (status, sla_due_at);

alter table flags add constraint flags_case_fk foreign key (case_id) references moderation_cases (id);

-- One decision per flag: a later change of mind is an appeal outcome, never an overwrite.
create table decisions (
  id                   uuid primary key default gen_random_uuid(),
  case_id              uuid not null references moderation_cases (id),
  flag_id              uuid not null unique references flags (id),
  outcome              text not null check (outcome in ('upheld', 'dismissed')),
  reason_code          text not null,
  reason_text          text not null default '',
  decided_by           uuid references users (id), -- null for an automated decision
  automated_detection  boolean not null default true,
  automated_decision   text not null check (automated_decision in ('fully', 'partially', 'not')),
  statement            jsonb, -- the statement of reasons as sent to the merchant
  decided_at           timestamptz not null default now(),
  check ((automated_decision = 'fully') = (decided_by is null))
);

create table penalties (
  id             uuid primary key default gen_random_uuid(),
  merchant_id    text not null references merchants (id),
  case_id        uuid not null references moderation_cases (id),
  decision_id    uuid references decisions (id),
  kind           text not null check (kind in ('warning', 'points', 'listing_restriction', 'suspension')),
  points         integer not null default 0 check (points >= 0),
  starts_at      timestamptz not null default now(),
  ends_at        timestamptz,
  reversed_at    timestamptz,
  reversal_note  text,
  check (ends_at is null or ends_at > starts_at)
);
create index penalties_merchant_idx on penalties (merchant_id);

create table appeals (
  id            uuid primary key default gen_random_uuid(),
  merchant_id   text not null references merchants (id),
  case_id       uuid not null references moderation_cases (id),
  decision_id   uuid not null references decisions (id),
  filed_by      uuid not null references users (id),
  statement     text not null check (length(statement) > 0),
  attachments   jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
  status        text not null default 'open' check (status in ('open', 'claimed', 'decided', 'withdrawn')),
  filed_at      timestamptz not null default now(),
  sla_due_at    timestamptz not null,
  assigned_to   uuid references users (id),
  outcome       text check (outcome in ('upheld', 'overturned_fully', 'overturned_partly')),
  outcome_text  text,
  decided_by    uuid references users (id),
  decided_at    timestamptz,
  check ((status = 'decided') = (outcome is not null and decided_by is not null and decided_at is not null))
);
create index appeals_queue_idx on appeals (status, sla_due_at);

-- ── Audit trail: append-only, hash-chained ──────────────────────────────────────────────────
create table audit_events (
  id           bigint generated always as identity primary key,
  at           timestamptz not null default clock_timestamp(),
  actor_kind   text not null check (actor_kind in ('user', 'system')),
  actor_id     text not null,
  action       text not null,
  entity_type  text not null,
  entity_id    text not null,
  before       jsonb,
  after        jsonb,
  prev_hash    text not null,
  hash         text not null
);
create index audit_events_entity_idx on audit_events (entity_type, entity_id);

-- The chain is computed inside the database so no writer can forget or fake it. The advisory
-- lock serialises writers, so two concurrent inserts can never link to the same predecessor.
create function audit_events_chain() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7391);
  new.prev_hash := coalesce(
    (select hash from audit_events order by id desc limit 1),
    repeat('0', 64));
  new.hash := encode(sha256(convert_to(audit_event_digest_input(new.prev_hash, new.id, new.at,
    new.actor_kind, new.actor_id, new.action, new.entity_type, new.entity_id, new.before, new.after), 'UTF8')), 'hex');
  return new;
end $$;

create function audit_event_digest_input(prev_hash text, id bigint, at timestamptz, actor_kind text,
  actor_id text, action text, entity_type text, entity_id text, before jsonb, after jsonb)
returns text language sql stable as $$
  select jsonb_build_array(prev_hash, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor_kind, actor_id, action, entity_type, entity_id, before, after)::text
$$;

create trigger audit_events_chain before insert on audit_events
  for each row execute function audit_events_chain();

create function audit_events_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end $$;

create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_immutable();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_immutable();
