package vn.congdoan.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for numbers and tree paths, bound as one text parameter and cast in SQL ({@code
 * cast(:roots as ltree[])}). Named-parameter templates would otherwise expand a Java array into a list of
 * placeholders. Only values with no quoting needs are accepted.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static String ofLongs(Collection<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    public static String ofLabels(String... values) {
        for (String v : values) {
            if (!v.matches("[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException("not a tree path");
            }
        }
        return Arrays.stream(values).collect(Collectors.joining(",", "{", "}"));
    }
}
