-- CAS-1, CAS-2: cases on an account, their notes, attachments and history.

create sequence case_number_seq;

-- One row per case. What it is about (account, type, who opened it and when) is fixed once written
-- (trigger below); status, priority, assignee and the resolution move, each move kept in case_events.
create table cases (
  id text primary key,
  -- the reference given to the customer: C- and eight digits
  number text not null unique check (number ~ '^C-[0-9]{8}$'),
  account_id text not null references accounts (id),
  type text not null check (type in ('billing_dispute', 'service_request', 'complaint_escalation',
    'meter_test_request', 'account_investigation')),
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null check (status in ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')),
  status_at timestamptz not null,
  subject text not null check (length(subject) between 1 and 200),
  description text not null check (length(description) <= 10000),
  -- a named staff user, or a team (a role), or nobody yet
  assignee_user_id text references staff_users (id),
  assignee_team text check (assignee_team in ('agent', 'supervisor', 'billing_specialist', 'field_technician',
    'collections_specialist', 'it_administrator', 'executive', 'export_specialist')),
  opened_at timestamptz not null,
  opened_by_kind text not null,
  opened_by_id text not null,
  resolved_at timestamptz,
  resolved_by_id text,
  resolution_note text check (length(resolution_note) between 1 and 4000),
  unique (account_id, id),
  check (assignee_user_id is null or assignee_team is null),
  -- a resolved or closed case has its resolution; any other has none
  check ((status in ('resolved', 'closed')) = (resolved_at is not null)),
  check ((resolved_at is null) = (resolution_note is null)),
  check (resolved_at is null or resolved_at >= opened_at)
);
create index cases_account on cases (account_id, id desc);
create index cases_assignee_user on cases (assignee_user_id, id desc) where assignee_user_id is not null;
create index cases_assignee_team on cases (assignee_team, id desc) where assignee_team is not null;
create index cases_active_type on cases (type, account_id) where status not in ('resolved', 'closed');
create index cases_opened on cases (opened_at);
create index cases_resolved on cases (resolved_at) where resolved_at is not null;

create or replace function cases_identity_fixed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'cases keeps every case: DELETE refused' using errcode = 'P0001';
  end if;
  if (new.id, new.number, new.account_id, new.type, new.subject, new.description, new.opened_at,
      new.opened_by_kind, new.opened_by_id)
     is distinct from
     (old.id, old.number, old.account_id, old.type, old.subject, old.description, old.opened_at,
      old.opened_by_kind, old.opened_by_id) then
    raise exception 'cases: what a case is about, and who opened it when, is fixed once written'
      using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger cases_identity_fixed before update or delete on cases
  for each row execute function cases_identity_fixed();
create trigger cases_no_truncate before truncate on cases
  for each statement execute function refuse_change();

-- The history of a case: opened, every status move, assignment and priority change; appended only.
create table case_events (
  id text primary key,
  account_id text not null references accounts (id),
  case_id text not null references cases (id),
  kind text not null check (kind in ('opened', 'status_changed', 'assigned', 'priority_changed')),
  from_value text,
  to_value text,
  detail text check (length(detail) <= 4000),
  occurred_at timestamptz not null,
  actor_kind text not null,
  actor_id text not null,
  unique (account_id, id)
);
create index case_events_case on case_events (case_id, id);
create trigger case_events_append_only before update or delete on case_events
  for each row execute function refuse_change();
create trigger case_events_no_truncate before truncate on case_events
  for each statement execute function refuse_change();

-- Notes on a case: appended, never changed.
create table case_notes (
  id text primary key,
  account_id text not null references accounts (id),
  case_id text not null references cases (id),
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null,
  created_by_kind text not null,
  created_by_id text not null,
  unique (account_id, id)
);
create index case_notes_case on case_notes (case_id, id);
create trigger case_notes_append_only before update or delete on case_notes
  for each row execute function refuse_change();
create trigger case_notes_no_truncate before truncate on case_notes
  for each statement execute function refuse_change();

-- Files on a case, kept in the database as received: at most 5 MB, of the allowed types (checked by
-- their first bytes before they get here), with their SHA-256.
create table case_attachments (
  id text primary key,
  account_id text not null references accounts (id),
  case_id text not null references cases (id),
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes integer not null check (size_bytes between 1 and 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null check (length(content) = size_bytes),
  uploaded_at timestamptz not null,
  uploaded_by_kind text not null,
  uploaded_by_id text not null,
  unique (account_id, id)
);
create index case_attachments_case on case_attachments (case_id, id);
create trigger case_attachments_append_only before update or delete on case_attachments
  for each row execute function refuse_change();
create trigger case_attachments_no_truncate before truncate on case_attachments
  for each statement execute function refuse_change();
