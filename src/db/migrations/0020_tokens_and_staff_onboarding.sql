-- Issue 19, hole 1: an access manager must not gain business powers through tokens or new users.
--
-- API tokens are either a staff user's own (acting as that person, narrowed to a permission list) or
-- a named service account's (a non-human principal with no password). Every token expires, carries
-- an explicit permission list and names who created it.

create table service_accounts (
  id text primary key,
  name text not null unique check (length(name) between 1 and 100),
  -- The creator's role when it was created: the ceiling of what its tokens may ever carry.
  role text not null,
  created_by text not null references staff_users (id),
  created_at timestamptz not null,
  disabled_at timestamptz
);

alter table api_tokens
  add column service_account_id text references service_accounts (id),
  add column permissions jsonb,
  add column created_by text;
alter table api_tokens alter column user_id drop not null;

-- Tokens issued before this migration may have been minted by an administrator for someone else and
-- may never expire: they are revoked (their owners issue new ones for themselves).
update api_tokens
  set revoked_at = coalesce(revoked_at, now()),
      expires_at = coalesce(expires_at, now()),
      permissions = '[]'::jsonb;
alter table api_tokens
  alter column permissions set not null,
  alter column expires_at set not null,
  add constraint api_tokens_one_owner check ((user_id is null) <> (service_account_id is null)),
  add constraint api_tokens_permissions_list check (jsonb_typeof(permissions) = 'array');
create index api_tokens_user on api_tokens (user_id);

-- A staff user created over the API has no password until they accept their invitation; a user
-- created with a role holding money powers waits for a second access manager's approval.
alter table staff_users alter column password_hash drop not null;
alter table staff_users
  add column awaiting_approval boolean not null default false,
  -- TOTP the user has started to enrol but not yet confirmed with a code.
  add column totp_pending_secret text;

-- One-time invitations to set one's own password; only the secret's SHA-256 is kept.
create table staff_invitations (
  id text primary key,
  user_id text not null references staff_users (id),
  secret_hash text not null unique,
  created_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at),
  accepted_at timestamptz
);
create index staff_invitations_user on staff_invitations (user_id);

-- Four-eyes role grants: a new user with a money role, or a change of role to one, waits here until a
-- different access manager (neither the requester nor the user) approves it.
create table staff_role_requests (
  id text primary key,
  user_id text not null references staff_users (id),
  role text not null,
  requested_by text not null,
  requested_at timestamptz not null,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  check ((status = 'pending') = (decided_by is null))
);
create unique index staff_role_requests_one_pending on staff_role_requests (user_id) where status = 'pending';
