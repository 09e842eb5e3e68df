-- Sign-in throttling and session bookkeeping (decision 0170).

-- Failed sign-ins per key: 'account:<email>' (known or not, so a lockout says nothing about
-- whether an email exists) and 'address:<client address>'. Failures older than the window are
-- forgotten; an account key past the lockout threshold stays locked until an admin lifts it.
create table sign_in_throttle (
  key              text primary key,
  failures         integer not null check (failures > 0),
  last_failure_at  timestamptz not null,
  blocked_until    timestamptz not null,
  locked           boolean not null default false
);

-- Where and with what a session signed in, for the user's own session list.
alter table sessions add column address text;
alter table sessions add column user_agent text;

alter table users add column password_changed_at timestamptz;
