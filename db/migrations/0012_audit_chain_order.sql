-- 0001's chain trigger took its lock after the row's id was drawn, so on a server with many
-- connections a row could link to one with a higher id and `kefu audit verify` (which walks ids
-- in order) would call an honest chain broken. The id is now drawn under the lock, so id order is
-- link order. The sequence also gives out the default drawn before the trigger: a gap, harmless.
create or replace function audit_events_chain() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7391);
  new.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  new.prev_hash := coalesce(
    (select hash from audit_events order by id desc limit 1),
    repeat('0', 64));
  new.hash := encode(sha256(convert_to(audit_event_digest_input(new.prev_hash, new.id, new.at,
    new.actor_kind, new.actor_id, new.action, new.entity_type, new.entity_id, new.before, new.after), 'UTF8')), 'hex');
  return new;
end $$;
