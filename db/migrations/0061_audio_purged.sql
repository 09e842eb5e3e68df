-- Retention withdraws a segment's reference first (deleted_at: no reader uses it from then on) and
-- removes the object after (purged_at), so a crash in between leaves an unreferenced object that
-- the next run removes, never a reference to a missing one.
alter table audio_segments add column purged_at timestamptz;
alter table audio_segments add constraint audio_segments_purged_after_deleted
  check (purged_at is null or deleted_at is not null);
create index audio_segments_to_purge on audio_segments (id) where deleted_at is not null and purged_at is null;
