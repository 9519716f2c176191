-- Row counts and content checksums of every table of a congdoan database, and fingerprints of its schema objects
-- (extensions, indexes, constraints, triggers, views, functions), one line each: object|rows|checksum. Equal output
-- on the original and on a restored copy means nothing was lost or changed (docs/operations.md, "Backup and
-- restore"). ops/backup takes it in the dump's own snapshot, ops/restore compares the copy with it; by hand:
--
--     psql -X -q -At -d congdoan_restored -f ops/backup-checksums.sql | diff congdoan.checksums -
--
-- On a live database the figures move while users write: compare a copy with the checksums of its own backup.
-- A table's checksum is the sum of the first 64 bits of md5(row as text): independent of row order, no sort, one
-- pass (a few seconds per million rows). Schema objects are hashed from their definitions without parentheses: a
-- restore parses expressions anew and may nest them differently ("(a AND b) AND c" comes back as "a AND b AND c").
-- The session tables (public.spring_session*) are left out: backups leave their rows out on purpose (a session id
-- is a login), so a restored copy has none.
select 'select * from (' || string_agg(
               format('select %L as object, count(*) as row_count, '
                          || 'coalesce(sum((''x'' || left(md5(t::text), 16))::bit(64)::bigint), 0) as checksum '
                          || 'from %I.%I t',
                      schemaname || '.' || tablename, schemaname, tablename),
               E'\nunion all ' order by schemaname, tablename)
       || $schema$
union all
select '~extensions', count(*), coalesce(sum(('x' || left(md5(extname || ' ' || extversion), 16))::bit(64)::bigint), 0)
from pg_extension
union all
select '~indexes', count(*),
       coalesce(sum(('x' || left(md5(translate(indexdef, '()', '')), 16))::bit(64)::bigint), 0)
from pg_indexes
where schemaname not in ('pg_catalog', 'information_schema')
union all
select '~constraints', count(*),
       coalesce(sum(('x' || left(md5(c.conrelid::regclass::text || ' ' || c.conname || ' '
                                     || translate(pg_get_constraintdef(c.oid), '()', '')), 16))::bit(64)::bigint), 0)
from pg_constraint c
join pg_namespace n on n.oid = c.connamespace
where n.nspname not in ('pg_catalog', 'information_schema')
union all
select '~triggers', count(*),
       coalesce(sum(('x' || left(md5(translate(pg_get_triggerdef(t.oid), '()', '')), 16))::bit(64)::bigint), 0)
from pg_trigger t
where not t.tgisinternal
union all
select '~views', count(*),
       coalesce(sum(('x' || left(md5(schemaname || '.' || viewname || ' ' || translate(definition, '()', '')), 16))
                    ::bit(64)::bigint), 0)
from pg_views
where schemaname not in ('pg_catalog', 'information_schema')
union all
select '~functions', count(*), coalesce(sum(('x' || left(md5(pg_get_functiondef(p.oid)), 16))::bit(64)::bigint), 0)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname not in ('pg_catalog', 'information_schema') and p.prokind in ('f', 'p')
  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
) checksums order by object collate "C"
$schema$
from pg_tables
where schemaname not in ('pg_catalog', 'information_schema')
  and not (schemaname = 'public' and tablename like 'spring\_session%')
\gexec
