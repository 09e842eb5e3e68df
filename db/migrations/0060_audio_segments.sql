-- Call audio as the bot and replay heard it (16 kHz mono), in short FLAC segments per speaker, so a
-- crash loses at most one segment. The bytes live in the audio store; rows keep key and checksum.
create table audio_segments (
  id           bigserial primary key,
  call_id      uuid not null references calls (id),
  speaker_role text not null check (speaker_role in ('merchant', 'customer')),
  seq          integer not null check (seq >= 0),
  start_ms     integer not null check (start_ms >= 0),
  end_ms       integer not null,
  sample_rate  integer not null check (sample_rate > 0),
  storage_key  text not null unique,
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes        integer not null check (bytes > 0),
  created_at   timestamptz not null default now(),
  -- Set by retention once the object is gone; the row stays as the record of what was kept.
  deleted_at   timestamptz,
  unique (call_id, speaker_role, seq),
  check (end_ms > start_ms)
);
create index audio_segments_call on audio_segments (call_id, speaker_role, start_ms);
