-- Separation of duties (decision 0171).

-- When a user's current role was granted: an appeal reviewer's account and role must predate
-- the decision under appeal. Kept by a trigger, so no write path can forget it.
alter table users add column role_granted_at timestamptz not null default now();
update users set role_granted_at = created_at;

create function users_role_granted_at() returns trigger language plpgsql as $$
begin
  if new.role is distinct from old.role then
    new.role_granted_at := now();
  end if;
  return new;
end $$;

create trigger users_role_granted_at before update on users
  for each row execute function users_role_granted_at();

-- Changes one admin may only request: a reviewer role granted (to a new or existing account),
-- a rule switched to automatic decisions. A second admin approves or rejects.
create table approvals (
  id            uuid primary key default gen_random_uuid(),
  kind          text not null check (kind in ('user.create', 'user.role', 'rule.auto')),
  target        text not null,
  payload       jsonb not null,
  requested_by  uuid not null references users (id),
  requested_at  timestamptz not null default now(),
  status        text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by    uuid references users (id),
  decided_at    timestamptz,
  check ((status = 'pending') = (decided_by is null)),
  check (decided_by is distinct from requested_by)
);
create index approvals_pending_idx on approvals (requested_at) where status = 'pending';
