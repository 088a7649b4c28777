-- Extensions live in public so that every schema (one per test file on a shared server) can use them.
create extension if not exists pg_trgm with schema public;
create extension if not exists btree_gist with schema public;

-- Refuses UPDATE and DELETE on append-only tables (audit log, notes, later the ledger).
create or replace function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end
$$;

-- MKT-1: the supplier this installation runs, on one market profile, with its settings.
create table supplier (
  id text primary key check (id = 'supplier'),
  name text not null check (length(name) between 1 and 200),
  market text not null check (market in ('gb', 'us')),
  settings jsonb not null,
  updated_at timestamptz not null
);

-- USR-1, USR-5: staff users, sessions and API tokens.
create table staff_users (
  id text primary key,
  email text not null check (email = lower(email) and email like '%_@_%'),
  display_name text not null check (length(display_name) between 1 and 200),
  role text not null check (role in ('agent', 'supervisor', 'billing_specialist', 'field_technician',
    'collections_specialist', 'it_administrator', 'executive')),
  password_hash text not null,
  password_changed_at timestamptz not null,
  failed_logins integer not null default 0 check (failed_logins >= 0),
  locked_until timestamptz,
  totp_secret text,
  disabled_at timestamptz,
  created_at timestamptz not null
);
create unique index staff_users_email on staff_users (email);

create table staff_sessions (
  id text primary key,
  token_hash text not null unique,
  user_id text not null references staff_users (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz
);
create index staff_sessions_user on staff_sessions (user_id);

create table api_tokens (
  id text primary key,
  user_id text not null references staff_users (id),
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- AUD-1: the audit log. Append-only (triggers below) and tamper-evident: each event's hash covers
-- its content and the previous event's hash, so a changed, removed or inserted event breaks the chain.
create table audit_events (
  seq bigint generated always as identity primary key,
  id text not null unique,
  occurred_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('staff', 'token', 'customer', 'system')),
  actor_id text,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  subject_type text not null,
  subject_id text not null,
  account_id text,
  before jsonb,
  after jsonb,
  context jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null unique
);
create index audit_events_actor on audit_events (actor_id, seq);
create index audit_events_account on audit_events (account_id, seq) where account_id is not null;
create index audit_events_subject on audit_events (subject_id, seq);

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_change();
