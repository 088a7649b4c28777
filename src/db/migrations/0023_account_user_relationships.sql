-- Issue 19, seed "Account Users": an authorized user is added with their relationship to the account
-- holder ("My spouse should have access"), and an agent verifies them on it. Kept on the grant (and
-- on the invitation that becomes one), so staff can list who may use an account with the
-- relationship, and caller verification can compare what an authorized user says with what is on file.

alter table account_grants
  add column relationship text check (relationship is null or length(relationship) between 1 and 100);

alter table account_invitations
  add column relationship text check (relationship is null or length(relationship) between 1 and 100);
