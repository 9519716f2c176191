-- Scheduled jobs run once per slot across all nodes: the node whose insert of (job, slot) succeeds runs it.
-- The table is also the run log: when, on which node, how it ended, and the job's own short summary.
create schema if not exists platform;

create table platform.job_run (
    job         text        not null,
    slot        timestamptz not null,
    node        text        not null,
    started_at  timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    outcome     text        not null default 'RUNNING',
    summary     text,
    primary key (job, slot),
    constraint job_run_outcome check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED'))
);
create index job_run_recent on platform.job_run (job, slot desc);
