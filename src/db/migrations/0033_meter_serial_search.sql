-- Issue 22 item 6: staff search finds an account by its meter's serial number, in any case, as
-- printed on the meter (MPANs and MPRNs are found through meter_points' unique identifier).
create index meters_serial_search on meters (upper(serial));
