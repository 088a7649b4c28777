-- USR-5's lockout for portal users too: repeated wrong passwords lock the portal login for a while,
-- the same rule (supplier settings maxFailedLogins, lockoutMinutes) as staff sign-in. The count is
-- raised in SQL (`failed_logins = failed_logins + 1`) on the locked row, so parallel guesses all count.

alter table external_users
  add column failed_logins integer not null default 0 check (failed_logins >= 0),
  add column locked_until timestamptz;
