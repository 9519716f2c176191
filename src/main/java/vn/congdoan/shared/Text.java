package vn.congdoan.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Vietnamese text: NFC at every entry point and a folded search key (DESIGN.md §3, DOMAIN.md §11.5). */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {}

    /** NFC form with surrounding white space removed and inner runs collapsed; null stays null. */
    public static @Nullable String clean(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u00A0', ' ');
        return SPACES.matcher(nfc.strip()).replaceAll(" ");
    }

    /** Lower case, tone and vowel marks removed, đ folded to d: "Nguyễn Đức" → "nguyen duc". */
    public static String searchKey(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        // đ/Đ are letters of their own, not d with a mark, so NFD leaves them alone.
        String folded = stripped.replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(folded.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
