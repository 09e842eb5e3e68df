-- Buyers' display names (issue 15). The platform passes a masked name (张**, z***g) with its
-- orders, order events and calls; pages show it instead of the platform's account id. One row per
-- buyer account (ids are platform-wide: one buyer buys from many merchants); the latest name the
-- platform sent wins, so a renamed buyer reads the same on old and new calls.
create table buyers (
  id          text primary key,
  name        text not null check (length(name) between 1 and 40 and name ~ '[*＊]'),
  updated_at  timestamptz not null default now()
);
