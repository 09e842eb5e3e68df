-- Promises checked against what the platform did (issue 14). Order events are kept as rows of
-- their own (idempotent by the platform's event id) and update the order's facts; a promise
-- knows its order, the sum it names, when it falls due and why, and what closed it.

create table order_events (
  event_id         text primary key,
  order_id         text not null references orders (id),
  merchant_id      text not null references merchants (id),
  type             text not null check (type in
                     ('refunded', 'shipped', 'delivered', 'cancelled', 'compensated', 'callback_made', 'visit_done')),
  at               timestamptz not null,
  amount           numeric(12, 2) check (amount >= 0),
  currency         char(3) check (currency in ('CNY', 'USD')),
  tracking_number  text,
  source           text not null check (source in ('webhook', 'import')),
  received_at      timestamptz not null default now()
);
create index order_events_order_idx on order_events (order_id, at);

-- The order facts events keep current (status, shipped_at and delivered_at exist since 0001).
alter table orders add column refunded_amount numeric(12, 2) not null default 0 check (refunded_amount >= 0);
alter table orders add column refunded_at timestamptz;
alter table orders add column compensated_amount numeric(12, 2) not null default 0 check (compensated_amount >= 0);
alter table orders add column cancelled_at timestamptz;
alter table orders add column tracking_number text;

alter table promises drop constraint if exists promises_status_check;
alter table promises add constraint promises_status_check
  check (status in ('open', 'kept', 'broken', 'cancelled', 'superseded'));
alter table promises add column order_id text references orders (id);
alter table promises add column amount numeric(12, 2) check (amount >= 0);
alter table promises add column currency char(3) check (currency in ('CNY', 'USD'));
alter table promises add column said_at timestamptz;
alter table promises add column due_at timestamptz;
alter table promises add column due_source text check (due_source in ('said', 'platform_default'));
-- What closed it: an order event (kept, cancelled), the deadline under a rule (broken), or the
-- promise that replaced it (superseded).
alter table promises add column closed_by_event text references order_events (event_id);
alter table promises add column superseded_by uuid references promises (id);
alter table promises add column rule_ref text;
alter table promises add constraint promises_closed_complete
  check ((status = 'open') = (resolved_at is null));
create index promises_due_idx on promises (due_at) where status = 'open';
create index promises_order_idx on promises (order_id) where status = 'open';

-- Proof a merchant attaches to a promise (a refund made outside the events feed…): text and an
-- optional small file, never changed once stored.
create table promise_proofs (
  id           uuid primary key default gen_random_uuid(),
  promise_id   uuid not null references promises (id),
  merchant_id  text not null references merchants (id),
  added_by     uuid not null references users (id),
  text         text not null check (length(text) between 1 and 4000),
  file_name    text,
  file_type    text,
  file_data    bytea,
  created_at   timestamptz not null default now(),
  check ((file_name is null) = (file_data is null))
);
create index promise_proofs_promise_idx on promise_proofs (promise_id, created_at);

-- A broken promise reaches the moderation queue as a flag of its own category, pointing at it.
alter table flags drop constraint if exists flags_category_check;
alter table flags add constraint flags_category_check check (category in ('off_platform_payment',
  'contact_exchange', 'review_manipulation', 'abuse', 'privacy_request', 'prohibited_claim',
  'refund_obstruction', 'broken_promise'));
alter table flags add column promise_id uuid references promises (id);
create unique index flags_one_per_promise on flags (promise_id) where promise_id is not null;
