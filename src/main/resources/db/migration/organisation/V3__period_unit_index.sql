-- A unit's period on a date is looked up by unit_id; without this index that lookup scanned the whole table
-- (measured on the national tree, docs/BENCHMARKS.md: 54–73 ms → under 1 ms).
create index org_unit_period_unit_idx on organisation.org_unit_period (unit_id, lower(during));
