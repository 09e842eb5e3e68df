-- Every UPDATE or DELETE of a decision, penalty, appeal or flag becomes an audit event written by
-- the database itself (decision 0172), whoever made it and however: an edit beside the
-- application leaves a trace in the hash chain. Free text (appeal statements and attachments,
-- flag evidence) is recorded as its SHA-256, so the trail proves what it was without copying it.
alter table audit_events drop constraint audit_events_actor_kind_check;
alter table audit_events add constraint audit_events_actor_kind_check
  check (actor_kind in ('user', 'system', 'database'));

create function audit_row_image(tbl text, r jsonb) returns jsonb language sql immutable as $$
  select case tbl
    when 'appeals' then (r - 'statement' - 'attachments') || jsonb_build_object(
      'statement_sha256', encode(sha256(convert_to(coalesce(r->>'statement', ''), 'UTF8')), 'hex'),
      'attachments_sha256', encode(sha256(convert_to(coalesce(r->>'attachments', ''), 'UTF8')), 'hex'))
    when 'flags' then (r - 'evidence_text') || jsonb_build_object(
      'evidence_text_sha256', encode(sha256(convert_to(coalesce(r->>'evidence_text', ''), 'UTF8')), 'hex'))
    else r end
$$;

create function audit_row_change() returns trigger language plpgsql as $$
begin
  insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
  values ('database', current_user, tg_table_name || '.row_' || lower(tg_op) || 'd', tg_table_name,
          (case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end)->>'id',
          audit_row_image(tg_table_name, to_jsonb(old)),
          case when tg_op = 'DELETE' then null else audit_row_image(tg_table_name, to_jsonb(new)) end,
          '', '');
  return null;
end $$;

create trigger decisions_audit_row_change after update or delete on decisions
  for each row execute function audit_row_change();
create trigger penalties_audit_row_change after update or delete on penalties
  for each row execute function audit_row_change();
create trigger appeals_audit_row_change after update or delete on appeals
  for each row execute function audit_row_change();
create trigger flags_audit_row_change after update or delete on flags
  for each row execute function audit_row_change();
