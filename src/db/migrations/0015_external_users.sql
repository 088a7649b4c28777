-- USR-2..4, SEC-1: external users (customers, authorized users, property managers, attorneys, third
-- parties), their grants on accounts, invitations, power-of-attorney documents awaiting legal review,
-- portal sessions, identity-verification attempts, and encrypted personal data.

create table external_users (
  id text primary key,
  email text not null unique check (email = lower(email) and length(email) between 3 and 320),
  display_name text not null check (length(display_name) between 1 and 200),
  -- argon2id; null until the person has set a password (accepted an invitation)
  password_hash text,
  status text not null check (status in ('active', 'disabled')),
  created_at timestamptz not null
);

create table external_sessions (
  id text primary key,
  token_hash text not null unique,
  user_id text not null references external_users (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz
);
create index external_sessions_user on external_sessions (user_id) where ended_at is null;

-- One person's relationship to one account. Revoked and expired grants are kept (history).
create table account_grants (
  id text primary key,
  account_id text not null references accounts (id),
  user_id text not null references external_users (id),
  kind text not null check (kind in ('holder', 'authorized_full', 'authorized_limited', 'property_manager',
    'power_of_attorney', 'third_party')),
  status text not null check (status in ('active', 'pending_approval', 'revoked', 'expired')),
  status_at timestamptz not null,
  -- third party only: which data they may see
  scope jsonb not null default '[]'::jsonb,
  valid_from timestamptz not null,
  valid_to timestamptz,
  granted_by_kind text not null,
  granted_by_id text not null,
  created_at timestamptz not null,
  unique (account_id, id),
  check (valid_to is null or valid_to > valid_from),
  -- a third party's access is always time-bound; nobody else's is
  check ((kind = 'third_party') = (valid_to is not null)),
  -- power of attorney starts pending legal review; nobody else waits for approval
  check (status <> 'pending_approval' or kind = 'power_of_attorney')
);
-- at most one live relationship between a person and an account
create unique index account_grants_live on account_grants (account_id, user_id)
  where status in ('active', 'pending_approval');
create index account_grants_user on account_grants (user_id) where status in ('active', 'pending_approval');

create table account_invitations (
  id text primary key,
  account_id text not null references accounts (id),
  email text not null check (email = lower(email)),
  invitee_name text not null,
  kind text not null check (kind in ('authorized_full', 'authorized_limited')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_user_id text references external_users (id),
  invited_by_kind text not null,
  invited_by_id text not null,
  created_at timestamptz not null,
  unique (account_id, id),
  check ((accepted_at is null) = (accepted_user_id is null))
);

-- A power-of-attorney document on file; the grant it supports is pending until legal approve it.
create table poa_documents (
  id text primary key,
  account_id text not null references accounts (id),
  grant_id text not null references account_grants (id),
  description text not null check (length(description) between 1 and 2000),
  status text not null check (status in ('pending', 'approved', 'rejected')),
  submitted_at timestamptz not null,
  submitted_by_id text not null,
  reviewed_at timestamptz,
  reviewed_by_id text,
  review_note text check (length(review_note) <= 2000),
  unique (account_id, id),
  check ((status = 'pending') = (reviewed_at is null))
);
create index poa_documents_pending on poa_documents (submitted_at) where status = 'pending';

-- USR-4: what a caller answered; the answers themselves are never stored, only which passed.
create table verification_attempts (
  id text primary key,
  account_id text not null references accounts (id),
  channel text not null check (channel in ('phone', 'email', 'in_person', 'chat')),
  passed jsonb not null,
  failed jsonb not null,
  outcome text not null check (outcome in ('passed', 'failed')),
  recorded_by_id text not null,
  recorded_at timestamptz not null,
  unique (account_id, id)
);
create index verification_attempts_account on verification_attempts (account_id, recorded_at);

create table account_review_flags (
  id text primary key,
  account_id text not null references accounts (id),
  reason text not null check (reason in ('repeated_verification_failures')),
  raised_at timestamptz not null,
  cleared_at timestamptz,
  unique (account_id, id)
);
create unique index account_review_flags_open on account_review_flags (account_id, reason) where cleared_at is null;

-- SEC-1: sensitive personal data, AES-256-GCM sealed by the application ('v1.<iv>.<tag>.<data>', base64url).
create table account_secrets (
  account_id text primary key references accounts (id),
  date_of_birth_sealed text,
  security_answer_sealed text,
  ssn_last_four_sealed text,
  updated_at timestamptz not null
);
