package vn.congdoan.membership.internal.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a table with PostgreSQL's {@code COPY … FROM STDIN} (text format) on a connection of its own,
 * in autocommit: staging is not the member register, it commits when the copy ends. Values are escaped here (backslash,
 * tab, line breaks); null is {@code \N}.
 */
final class CopyStream implements Closeable {

    private static final int FLUSH_BYTES = 256 * 1024;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(512);
    private byte[] pending = new byte[FLUSH_BYTES + 4096];
    private int pendingLength;
    private boolean first = true;
    private long rows;
    private boolean done;

    CopyStream(DataSource dataSource, String copySql) {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY", e);
        }
    }

    CopyStream value(@Nullable Object v) {
        if (!first) {
            line.append('\t');
        }
        first = false;
        if (v == null) {
            line.append("\\N");
        } else if (v instanceof String s) {
            escape(s);
        } else if (v instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else if (v instanceof LocalDate d) {
            line.append(d);
        } else {
            line.append(v);
        }
        return this;
    }

    void endRow() {
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (pendingLength + bytes.length > pending.length) {
            flush();
            if (bytes.length > pending.length) {
                pending = new byte[bytes.length];
            }
        }
        System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
        pendingLength += bytes.length;
        if (pendingLength >= FLUSH_BYTES) {
            flush();
        }
        line.setLength(0);
        first = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    private void flush() {
        if (pendingLength == 0) {
            return;
        }
        try {
            copy.writeToCopy(pending, 0, pendingLength);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY failed", e));
        }
        pendingLength = 0;
    }

    /** Ends the copy: the rows are in the table. */
    long finish() {
        flush();
        try {
            long n = copy.endCopy();
            done = true;
            return n;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY failed", e));
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    /** Ends the connection; a copy not finished is cancelled (nothing of it stays). */
    @Override
    public void close() {
        try {
            if (!done && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // The connection is closed below either way.
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // Returned to the pool or already broken: nothing more to do.
            }
        }
    }
}
