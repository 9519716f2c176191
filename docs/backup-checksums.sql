-- Row counts and content checksums of every table of a congdoan database, and fingerprints of its schema objects
-- (indexes, constraints, triggers, views, functions, extensions). Run it on the original and on the restored copy
-- and compare; any line that differs names what the restore lost or changed (docs/operations.md, "Backup and
-- restore"; BackupRestoreIT runs this very file):
--
--     psql -X -At -d congdoan          -f docs/backup-checksums.sql > original.txt
--     psql -X -At -d congdoan_restored -f docs/backup-checksums.sql > restored.txt
--     diff original.txt restored.txt && echo "restore verified"
--
-- A checksum is the sum of the first 64 bits of md5(row as text) over the table: independent of row order, no sort,
-- one pass (about a second per million rows). Schema objects are hashed from their definitions without parentheses:
-- a restore parses expressions anew and may nest them differently (a CHECK of "(a AND b) AND c" comes back as
-- "a AND b AND c"). The session tables (public.spring_session*) are left out: backups
-- leave their rows out on purpose (a session id is a login), so a restored copy has none.
-- On a live database run it in one snapshot (psql's --single-transaction with REPEATABLE READ, or on a standby)
-- or the figures move while it reads.
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
