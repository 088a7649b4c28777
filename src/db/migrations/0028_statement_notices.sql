-- BIL-2 / COM-1: the statement-notices job finds the statements issued lately (a paperless customer is
-- emailed, a paper one sent the statement by post), then asks comms which already have their notice.
create index statements_issued_at on statements (issued_at, id) where issued_at is not null;
