-- Which seed sets finished. A seed writes its row in the same transaction as its data, so a crash
-- halfway leaves no row and the next start seeds again instead of trusting a half-seeded database.
create table seed_runs (
  name          text primary key,
  completed_at  timestamptz not null default now()
);

-- A database the first version seeded has no rows here. Its demo calls were played only after
-- its demo data was complete, so their presence vouches for both.
insert into seed_runs (name)
select unnest(array['demo-data', 'demo-calls']) where exists (select 1 from calls where room like 'demo-%');
