package vn.congdoan.bench.internal;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/** The member import as the import benchmark uses it: {@link MemberImports#runNow}, reported in one line. */
@Component
@ConditionalOnProperty(name = "congdoan.command", havingValue = "bench")
class MemberImportsImporter implements ImportBenchmark.Importer {

    private final MemberImports imports;

    MemberImportsImporter(MemberImports imports) {
        this.imports = imports;
    }

    @Override
    public String runNow(Path file, String fileName, long unitId, AccessScope scope, Actor actor) {
        return describe(imports.runNow(file, fileName, unitId, scope, actor));
    }

    @Override
    public Set<String> permissions() {
        return Set.of(Members.READ, Members.WRITE);
    }

    @Override
    public boolean xlsx() {
        return true;
    }

    static String describe(ImportJob job) {
        StringBuilder s = new StringBuilder(job.status().name());
        s.append(": ")
                .append(job.rowsTotal())
                .append(" rows read, ")
                .append(job.rowsValid())
                .append(" valid, ");
        s.append(job.rowsError())
                .append(" with errors, ")
                .append(job.warnings())
                .append(" warnings; ");
        s.append(job.inserted()).append(" inserted, ").append(job.updated()).append(" updated, ");
        s.append(job.unchanged()).append(" unchanged");
        if (job.validateMillis() != null) {
            s.append("; validation ").append(job.validateMillis()).append(" ms");
        }
        if (job.commitMillis() != null) {
            s.append(", commit ").append(job.commitMillis()).append(" ms");
        }
        if (job.previousImport() != null) {
            s.append("; same file as job ").append(job.previousImport().jobId());
        }
        if (job.failure() != null) {
            s.append("; ").append(job.failure());
        }
        return s.toString();
    }
}
