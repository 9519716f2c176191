package vn.congdoan.organisation;

import java.util.List;

/**
 * One line of what a restructuring does or did, as a message key and its arguments, so pages render it in the
 * reader's language.
 */
public record Impact(String messageKey, List<Object> args) implements java.io.Serializable {

    public static Impact of(String messageKey, Object... args) {
        return new Impact(messageKey, List.of(args));
    }
}
