-- Issue 20: each table belongs to one module, and a module's SQL touches only its own tables. Where a
-- module needs a little of another's data and may not call it (the layers run the other way, or the
-- two sit on one level), the owner publishes a view of just those columns; scripts/check-tables.ts
-- names the modules each view is published to.

-- Published by accounts to access: an account's number, shown beside portal grants, power-of-attorney
-- documents and review flags.
create view account_numbers as
  select id, number from accounts;

-- Published by metering to tariffs: what an agreement is checked against (fuel, direction, region).
create view meter_point_kinds as
  select id, fuel, direction, gsp_region from meter_points;
