-- Issue 21, item 3 (MET-3, BIL-1): gas in kWh from volume.
--
-- A register carries the unit its dial reads: kWh (electricity, first-generation smart gas meters),
-- m3 (SMETS2 and modern gas meters) or hcf (hundreds of cubic feet, imperial gas meters). Billing
-- turns a volume into kWh: m3 × 1.02264 (volume correction) × calorific value (MJ/m3) ÷ 3.6, an hcf
-- being 2.83 m3 first.
alter table registers add column unit text not null default 'kWh' check (unit in ('kWh', 'm3', 'hcf'));
-- The gas registers recorded so far are on SMETS and modern meters, which read cubic metres.
update registers set unit = 'm3'
  where meter_id in (select m.id from meters m join meter_points p on p.id = m.meter_point_id where p.fuel = 'gas');

-- The calorific value of the gas supplied (MJ/m3) over local dates [valid_from, valid_to), loaded
-- from a file like prices; 39.5 MJ/m3 is used on days no row covers. Rows never overlap.
create table calorific_values (
  id text primary key,
  valid_from date not null,
  valid_to date not null,
  mj_per_m3 numeric(6, 3) not null check (mj_per_m3 > 0 and mj_per_m3 < 100),
  ingestion_id text,
  created_at timestamptz not null,
  check (valid_from < valid_to),
  exclude using gist (daterange(valid_from, valid_to) with &&)
);
