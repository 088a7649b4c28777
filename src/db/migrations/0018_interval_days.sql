-- MET-4/MET-6: half-hourly data stored a row per meter point and UTC day instead of a row per half
-- hour. A UTC day always has 48 half hours (clock changes are a matter of local time only), so a
-- day's data is one array of 48: slot n is the half hour starting n × 30 minutes after 00:00 UTC.
-- A month of a meter point is 31 rows instead of 1,488, and the table about a tenth of its former
-- size, which is what lets a billing run read a month for hundreds of meter points at once.
--
-- The view `intervals` gives the same rows as before (one a half hour, kWh as numeric(10,3), quality
-- as text) with the day alongside, so readers can bound the days they touch.

create table interval_days (
  meter_point_id text not null,
  -- the UTC day
  day date not null,
  -- each half hour's kWh in thousandths (Wh); null where there is no data for the half hour
  wh integer[] not null,
  -- bit n set: slot n is an estimate (only where slot n has data)
  estimated bigint not null default 0,
  -- the ingestion that last wrote into the day (each replaced value is in interval_revisions with its own)
  ingestion_id text,
  primary key (meter_point_id, day),
  check (array_ndims(wh) = 1 and array_lower(wh, 1) = 1 and array_length(wh, 1) = 48),
  check (0 <= all (wh)),
  check (estimated >= 0 and estimated < 281474976710656)
) partition by range (day);

-- Move what the old table holds, a UTC month partition at a time (partitions are made on demand
-- by the metering module; the ones needed here are made now).
do $$
declare
  month date;
begin
  for month in
    select distinct date_trunc('month', interval_start at time zone 'UTC')::date from intervals order by 1
  loop
    execute format(
      'create table if not exists %I partition of interval_days for values from (%L) to (%L)',
      'interval_days_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date
    );
  end loop;
end $$;

insert into interval_days (meter_point_id, day, wh, estimated, ingestion_id)
select meter_point_id, day,
  array(select (slots ->> g::text)::integer from generate_series(0, 47) g order by g),
  estimated, ingestion_id
from (
  select meter_point_id, (interval_start at time zone 'UTC')::date as day,
    jsonb_object_agg(((extract(epoch from interval_start)::bigint % 86400) / 1800)::text, (kwh * 1000)::integer) as slots,
    coalesce(bit_or(1::bigint << ((extract(epoch from interval_start)::bigint % 86400) / 1800)::integer)
      filter (where quality = 'estimated'), 0) as estimated,
    max(ingestion_id) as ingestion_id
  from intervals
  group by 1, 2
) grouped;

drop table intervals;

create view intervals as
select d.meter_point_id, d.day,
  (d.day::timestamp at time zone 'UTC') + (u.slot - 1) * interval '30 minutes' as interval_start,
  (u.wh / 1000.0)::numeric(10, 3) as kwh,
  case when (d.estimated >> (u.slot - 1)::integer) & 1 = 1 then 'estimated' else 'actual' end as quality,
  d.ingestion_id
from interval_days d
cross join lateral unnest(d.wh) with ordinality as u (wh, slot)
where u.wh is not null;

-- Staging holds day rows too: a file's consecutive half hours of one meter point and UTC day become
-- one row, so a bulk load copies a forty-eighth of the rows. `line` is the file line of the row's
-- last half hour; where one day is staged more than once, the row with the later line wins half
-- hour by half hour.
drop table interval_staging;
create unlogged table interval_staging (
  ingestion_id text not null,
  line bigint not null,
  meter_point_id text not null,
  day date not null,
  wh integer[] not null,
  estimated bigint not null
);
create index interval_staging_ingestion on interval_staging (ingestion_id, meter_point_id, day);
