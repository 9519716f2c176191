package vn.congdoan.membership.internal.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.MembersJoined;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.SqlArrays;

/**
 * The commit: one transaction of set-based statements over the staged rows, so 200,000 rows cost a handful of
 * statements, not 200,000 round trips. A CCCD held by a current member in the caller's {@link Members#WRITE} scope
 * updates that member (only values the file gives; an empty cell never erases one; sensitive values only where the
 * caller holds {@link Members#SENSITIVE}); every other row admits a member with a new code, an open membership period
 * and an ADMITTED event. Either all of it commits with the audit entries, or nothing does.
 */
@Component
class ImportCommitter {

    /** The action recorded in the access log when sensitive values are written from a file. */
    static final String ACCESS_ACTION = "IMPORT";

    private static final String ACTIVE = " m.status in ('ACTIVE', 'WITHOUT_UNIT') ";
    private static final String SENSITIVE_GIVEN = " (r.ethnicity is not null or r.religion is not null"
            + " or r.party_member is not null or r.party_joined_on is not null or r.health_note is not null"
            + " or r.salary_basis is not null or r.bank_account is not null) ";

    /** The register changed since validation (a CCCD went elsewhere): upload the file again. */
    static final class Changed extends RuntimeException {
        Changed() {
            super("changed", null, false, false);
        }
    }

    record Outcome(int inserted, int updated, int unchanged) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportCommitter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ImportCommitter(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            AccessLog accessLog,
            MessageSource messages,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.accessLog = accessLog;
        this.messages = messages;
        this.clock = clock;
    }

    Outcome commit(ImportJob job, AccessScope scope, Actor actor, long startedNanos) {
        return tx.execute(status -> run(job, scope, actor, startedNanos));
    }

    private Outcome run(ImportJob job, AccessScope scope, Actor actor, long startedNanos) {
        long id = job.id();
        String w = SqlArrays.ofLabels(scope.paths(Members.WRITE));
        String s = SqlArrays.ofLabels(scope.paths(Members.SENSITIVE));
        int staged = count("select count(*) from membership.import_row where job_id = :job", id);
        if (staged != job.rowsValid()) {
            throw new Changed();
        }
        int foreign = jdbc.sql(
                        "select count(*) from membership.import_row r join membership.member m on m.cccd = r.cccd"
                                + " join organisation.org_unit lu on lu.id = m.last_unit_id where r.job_id = :job and"
                                + ACTIVE + "and not (lu.path <@ any(cast(:w as ltree[])))")
                .param("job", id)
                .param("w", w)
                .query(Integer.class)
                .single();
        if (foreign > 0) {
            throw new Changed();
        }
        int matched = jdbc.sql("""
                        update membership.import_row r set member_id = m.id
                          from membership.member m join organisation.org_unit lu on lu.id = m.last_unit_id
                         where r.job_id = :job and m.cccd = r.cccd and m.status in ('ACTIVE', 'WITHOUT_UNIT')
                           and lu.path <@ any(cast(:w as ltree[]))
                        """).param("job", id).param("w", w).update();
        jdbc.sql("create temp table import_changed (member_id bigint primary key) on commit drop")
                .update();
        long step = timed(id, "match", startedNanos);
        updateSensitive(id, s);
        updateBasics(id);
        step = timed(id, "updates", step);
        int updated = count("select count(*) from import_changed", id);
        String note = messages.getMessage(
                "member.import.event.note", new Object[] {String.valueOf(id)}, Locale.forLanguageTag("vi"));
        jdbc.sql("""
                        update membership.member m set version = m.version + 1, updated_at = now()
                          from import_changed c where m.id = c.member_id
                        """).update();
        jdbc.sql("""
                        insert into membership.member_event (member_id, kind, happened_on, unit_id, note, actor_name)
                        select m.id, 'UPDATED', :today, m.unit_id, :note, :actor
                          from import_changed c join membership.member m on m.id = c.member_id
                        """)
                .param("today", Dates.today(clock))
                .param("note", note)
                .param("actor", actor.name())
                .update();
        step = timed(id, "update events", step);
        int inserted = insertNew(id, actor);
        step = System.nanoTime();
        if (inserted > 0) {
            // Published in this transaction: the registry stores it with the new members (finance draws up their dues).
            jdbc.sql("""
                            select array_agg(distinct unit_id order by unit_id), min(joined_on)
                              from membership.import_row where job_id = :job and is_new
                            """)
                    .param("job", id)
                    .query((rs, i) -> new MembersJoined(
                            List.of((Long[]) rs.getArray(1).getArray()), rs.getObject(2, LocalDate.class)))
                    .optional()
                    .ifPresent(events::publishEvent);
        }
        List<Long> sensitiveIds = jdbc.sql("select r.member_id from membership.import_row r"
                        + " join membership.member m on m.id = r.member_id"
                        + " join organisation.org_unit lu on lu.id = m.last_unit_id"
                        + " where r.job_id = :job and r.sensitive and lu.path <@ any(cast(:s as ltree[])) and"
                        + SENSITIVE_GIVEN + "order by r.member_id")
                .param("job", id)
                .param("s", s)
                .query(Long.class)
                .list();
        timed(id, "access ids", step);
        int unchanged = matched - updated;
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        jdbc.sql("""
                        update membership.import_job set status = 'DONE', progress = 100, committed_at = now(),
                               finished_at = now(), inserted = :ins, updated = :upd, unchanged = :same, commit_ms = :ms
                         where id = :job and status = 'COMMITTING'
                        """)
                .param("ins", inserted)
                .param("upd", updated)
                .param("same", unchanged)
                .param("ms", millis)
                .param("job", id)
                .update();
        jdbc.sql("delete from membership.import_row where job_id = :job")
                .param("job", id)
                .update();
        String unitPath = jdbc.sql("select cast(path as text) from organisation.org_unit where id = :id")
                .param("id", job.unitId())
                .query(String.class)
                .single();
        // No file name and no values: counts only (the trail is readable by auditors of the whole subtree).
        audit.record(AuditRecord.of(actor, "MEMBERS_IMPORTED", unitPath)
                .target("MEMBER_IMPORT", id, null)
                .detail("rows=" + job.rowsTotal() + " inserted=" + inserted + " updated=" + updated + " unchanged="
                        + unchanged));
        if (!sensitiveIds.isEmpty()) {
            accessLog.record(new AccessLog.Access(
                    actor,
                    ACCESS_ACTION,
                    "FILE",
                    sensitiveIds,
                    job.sensitiveColumns(),
                    messages.getMessage(
                            "member.import.access.purpose",
                            new Object[] {String.valueOf(id)},
                            Locale.forLanguageTag("vi")),
                    unitPath));
        }
        return new Outcome(inserted, updated, unchanged);
    }

    /** Sensitive values of matched members (only where the caller holds the permission), then their basics. */
    private void updateSensitive(long id, String s) {
        jdbc.sql("""
                        with changed as (
                            update membership.member_sensitive x set
                                   ethnicity = coalesce(r.ethnicity, x.ethnicity),
                                   religion = coalesce(r.religion, x.religion),
                                   party_member = coalesce(r.party_member, x.party_member),
                                   party_joined_on = case when coalesce(r.party_member, x.party_member)
                                                          then coalesce(r.party_joined_on, x.party_joined_on) end,
                                   health_note = coalesce(r.health_note, x.health_note),
                                   salary_basis = coalesce(r.salary_basis, x.salary_basis),
                                   bank_account = coalesce(r.bank_account, x.bank_account)
                              from membership.import_row r, membership.member m, organisation.org_unit lu
                             where r.job_id = :job and r.sensitive and x.member_id = r.member_id
                               and m.id = r.member_id and lu.id = m.last_unit_id and lu.path <@ any(cast(:s as ltree[]))
                               and (x.ethnicity, x.religion, x.party_member, x.party_joined_on, x.health_note,
                                    x.salary_basis, x.bank_account) is distinct from
                                   (coalesce(r.ethnicity, x.ethnicity), coalesce(r.religion, x.religion),
                                    coalesce(r.party_member, x.party_member),
                                    case when coalesce(r.party_member, x.party_member)
                                         then coalesce(r.party_joined_on, x.party_joined_on) end,
                                    coalesce(r.health_note, x.health_note), coalesce(r.salary_basis, x.salary_basis),
                                    coalesce(r.bank_account, x.bank_account))
                            returning x.member_id)
                        insert into import_changed select member_id from changed on conflict do nothing
                        """).param("job", id).param("s", s).update();
        jdbc.sql("with added as (insert into membership.member_sensitive (member_id, ethnicity, religion, party_member,"
                        + " party_joined_on, health_note, salary_basis, bank_account)"
                        + " select r.member_id, r.ethnicity, r.religion, coalesce(r.party_member, false),"
                        + " case when r.party_member then r.party_joined_on end, r.health_note, r.salary_basis,"
                        + " r.bank_account from membership.import_row r"
                        + " join membership.member m on m.id = r.member_id"
                        + " join organisation.org_unit lu on lu.id = m.last_unit_id"
                        + " where r.job_id = :job and r.sensitive and lu.path <@ any(cast(:s as ltree[])) and"
                        + SENSITIVE_GIVEN
                        + " and not exists (select 1 from membership.member_sensitive x where x.member_id = r.member_id)"
                        + " returning member_id)"
                        + " insert into import_changed select member_id from added on conflict do nothing")
                .param("job", id)
                .param("s", s)
                .update();
    }

    private void updateBasics(long id) {
        jdbc.sql("""
                        with changed as (
                            update membership.member m set
                                   full_name = r.full_name, search_key = r.search_key, sort_key = r.sort_key,
                                   sex = r.sex, birth_date = r.birth_date, nationality = r.nationality,
                                   phone = coalesce(r.phone, m.phone), email = coalesce(r.email, m.email),
                                   home_town = coalesce(r.home_town, m.home_town),
                                   residence = coalesce(r.residence, m.residence),
                                   education = coalesce(r.education, m.education),
                                   qualification = coalesce(r.qualification, m.qualification),
                                   theory_level = coalesce(r.theory_level, m.theory_level),
                                   enterprise_id = coalesce(r.enterprise_id, m.enterprise_id),
                                   job_title = coalesce(r.job_title, m.job_title),
                                   contract_type = coalesce(r.contract_type, m.contract_type),
                                   union_position = coalesce(r.union_position, m.union_position),
                                   admission_decision = coalesce(r.admission_decision, m.admission_decision)
                              from membership.import_row r
                             where r.job_id = :job and r.member_id = m.id
                               and (m.full_name, m.search_key, m.sort_key, m.sex, m.birth_date, m.nationality,
                                    m.phone, m.email, m.home_town, m.residence, m.education, m.qualification,
                                    m.theory_level, m.enterprise_id, m.job_title, m.contract_type, m.union_position,
                                    m.admission_decision) is distinct from
                                   (r.full_name, r.search_key, r.sort_key, r.sex, r.birth_date, r.nationality,
                                    coalesce(r.phone, m.phone), coalesce(r.email, m.email),
                                    coalesce(r.home_town, m.home_town), coalesce(r.residence, m.residence),
                                    coalesce(r.education, m.education), coalesce(r.qualification, m.qualification),
                                    coalesce(r.theory_level, m.theory_level),
                                    coalesce(r.enterprise_id, m.enterprise_id), coalesce(r.job_title, m.job_title),
                                    coalesce(r.contract_type, m.contract_type),
                                    coalesce(r.union_position, m.union_position),
                                    coalesce(r.admission_decision, m.admission_decision))
                            returning m.id)
                        insert into import_changed select id from changed on conflict do nothing
                        """).param("job", id).update();
    }

    /** Rows that matched nobody: new members with codes, sensitive values, periods and ADMITTED events. */
    private int insertNew(long id, Actor actor) {
        String sequence = jdbc.sql("select pg_get_serial_sequence('membership.member', 'id')")
                .query(String.class)
                .single();
        long step = System.nanoTime();
        int n = jdbc.sql("""
                        update membership.import_row set is_new = true, member_id = nextval(cast(:seq as regclass))
                         where job_id = :job and member_id is null
                        """).param("seq", sequence).param("job", id).update();
        step = timed(id, "ids", step);
        if (n == 0) {
            return 0;
        }
        // member_code comes from the column default (membership.next_member_code()), in file order.
        jdbc.sql("""
                        insert into membership.member (id, full_name, search_key, sort_key, sex, birth_date, cccd, phone,
                            email, nationality, home_town, residence, education, qualification, theory_level,
                            enterprise_id, job_title, contract_type, joined_on, union_position, admission_decision,
                            status, unit_id, last_unit_id, demo, updated_at)
                        select member_id, full_name, search_key, sort_key, sex, birth_date, cccd, phone, email,
                               nationality, home_town, residence, education, qualification, theory_level,
                               enterprise_id, job_title, contract_type, joined_on, union_position, admission_decision,
                               'ACTIVE', unit_id, unit_id, false, now()
                          from membership.import_row where job_id = :job and is_new order by row_no
                        """).param("job", id).update();
        step = timed(id, "members", step);
        jdbc.sql("insert into membership.member_sensitive (member_id, ethnicity, religion, party_member,"
                        + " party_joined_on, health_note, salary_basis, bank_account)"
                        + " select r.member_id, r.ethnicity, r.religion, coalesce(r.party_member, false),"
                        + " case when r.party_member then r.party_joined_on end, r.health_note, r.salary_basis,"
                        + " r.bank_account from membership.import_row r"
                        + " where r.job_id = :job and r.is_new and r.sensitive and"
                        + SENSITIVE_GIVEN)
                .param("job", id)
                .update();
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        select member_id, unit_id, daterange(joined_on, null), 'ADMITTED'
                          from membership.import_row where job_id = :job and is_new
                        """).param("job", id).update();
        step = timed(id, "periods", step);
        jdbc.sql("""
                        insert into membership.member_event (member_id, kind, happened_on, unit_id, decision, actor_name)
                        select member_id, 'ADMITTED', joined_on, unit_id, admission_decision, :actor
                          from membership.import_row where job_id = :job and is_new order by row_no
                        """).param("job", id).param("actor", actor.name()).update();
        timed(id, "events", step);
        return n;
    }

    /** Step timings at DEBUG, for whoever tunes the commit (counts and times only). */
    private static long timed(long job, String step, long since) {
        long now = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("member import job {}: {} took {} ms", job, step, (now - since) / 1_000_000);
        }
        return now;
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql)
                .param("job", id)
                .query(Long.class)
                .optional()
                .map(Long::intValue)
                .orElse(0);
    }
}
