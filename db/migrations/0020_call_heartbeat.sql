-- The bot writes heartbeat_at while it holds a call; a call whose bot is gone (no heartbeat and no
-- utterance for a while) is ended by the sweeper, so its flags still reach moderation.
alter table calls add column heartbeat_at timestamptz;
create index calls_active_idx on calls (started_at) where status = 'active';
