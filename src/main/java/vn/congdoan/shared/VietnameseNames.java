package vn.congdoan.shared;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Vietnamese personal names, DOMAIN.md §11.5: parts, and the order of name lists, which is by given name (the last
 * word) first and then by the rest of the name: {@code Lò Văn An} comes before {@code Nguyễn Thị Bình}, and {@code
 * Giàng A Páo} sorts under "Páo". Names of one word or of another structure (Hà Nhì, La Hủ, Ê Đê) still use the last
 * word; the full name as written is what is stored, the parts are derived.
 *
 * <p>The letter order is {@code a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y}, with the tone as a weaker
 * (secondary) key: no mark, grave, hook, tilde, acute, dot below. The JDK's Vietnamese collator ({@code
 * Collator.getInstance(Locale.forLanguageTag("vi"))}) already does exactly this, for every vowel with every tone
 * ({@code VietnameseNamesTests} pins it), but ignores spaces; {@link #ORDER} therefore compares word by word (see
 * {@link #compareKeys}). With that, a list sorted in SQL on {@link #sortKey} with PostgreSQL's {@code COLLATE
 * "vi-x-icu"} and one sorted in Java with {@link #ORDER} agree for names made of Vietnamese letters and spaces.
 *
 * <p>Because the tone is a secondary key over the whole sort key, a tone in the given name weighs less than a letter
 * in the family name: {@code Lê Thị Ánh} sorts before {@code Nguyễn Văn Anh}. That is the collation's rule (and the
 * database's), not a bug; a list that must group every "Anh" before every "Ánh" needs two sort columns.
 */
public final class VietnameseNames {

    /** The parts of a name; empty strings where a part is missing. */
    public record Parts(String family, String middle, String given) {}

    private static final Collator TONES_AND_CASE = vietnameseCollator(Collator.TERTIARY);
    private static final Collator LETTERS = vietnameseCollator(Collator.PRIMARY);

    /**
     * Sort keys (or other texts of words separated by single spaces) in Vietnamese order, as ICU and so PostgreSQL's
     * {@code COLLATE "vi-x-icu"} order them (see {@link #compareKeys}), then by code point so that the order is total.
     */
    public static final Comparator<String> KEY_ORDER =
            ((Comparator<String>) VietnameseNames::compareKeys).thenComparing(Comparator.naturalOrder());

    /** Full names in the Vietnamese list order: their {@link #sortKey}s in {@link #KEY_ORDER}. */
    public static final Comparator<String> ORDER = Comparator.comparing(VietnameseNames::sortKey, KEY_ORDER);

    private VietnameseNames() {}

    /**
     * Splits a full name after {@link Text#clean}: the first word is the family name, the last word the given name,
     * the words between the middle name. One word is a given name only; an empty name has three empty parts.
     */
    public static Parts parse(@Nullable String fullName) {
        String[] words = words(fullName);
        if (words.length == 0) {
            return new Parts("", "", "");
        }
        if (words.length == 1) {
            return new Parts("", "", words[0]);
        }
        String middle = String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1));
        return new Parts(words[0], middle, words[words.length - 1]);
    }

    /**
     * The key that name lists sort on, in NFC: given name, family name, middle name, separated by single spaces
     * ({@code Giàng A Páo} → {@code Páo Giàng A}). Sort keys with {@link #KEY_ORDER} or in PostgreSQL with {@code COLLATE
     * "vi-x-icu"}, never by code point; sort full names with {@link #ORDER}.
     */
    public static String sortKey(@Nullable String fullName) {
        Parts p = parse(fullName);
        StringBuilder key = new StringBuilder(p.given());
        if (!p.family().isEmpty()) {
            key.append(' ').append(p.family());
        }
        if (!p.middle().isEmpty()) {
            key.append(' ').append(p.middle());
        }
        return key.toString();
    }

    private static String[] words(@Nullable String fullName) {
        String clean = Text.clean(fullName);
        return clean == null || clean.isEmpty() ? new String[0] : clean.split(" ");
    }

    /**
     * Compares two sort keys (or any texts of words separated by single spaces) as ICU's Vietnamese collation, and so
     * PostgreSQL's {@code COLLATE "vi-x-icu"}, does.
     *
     * <p>The JDK's Vietnamese collator gets the letters and the tones right but treats the space as ignorable, so word
     * boundaries vanish: "An Vũ" compares as "anvu" and sorts after "Anh Bùi" ("anhbui"), which breaks "given name
     * first" (every An must come before every Anh). ICU gives the space a primary weight below every letter, which is
     * the same as comparing the letters word by word, a shorter word first. Appending a rule that makes the space a
     * primary ({@code & U+200B < ' '}) does not work: it drags the combining tone marks along with it and breaks the
     * tone order. So the letters are compared word by word at primary strength, and only when every word ties does the
     * whole text decide at secondary (tone) and tertiary (case) strength, as ICU does.
     */
    static int compareKeys(String a, String b) {
        String[] wa = a.split(" ", -1);
        String[] wb = b.split(" ", -1);
        for (int i = 0; i < Math.min(wa.length, wb.length); i++) {
            int c = LETTERS.compare(wa[i], wb[i]);
            if (c != 0) {
                return c;
            }
        }
        if (wa.length != wb.length) {
            return Integer.compare(wa.length, wb.length);
        }
        return TONES_AND_CASE.compare(a, b);
    }

    private static Collator vietnameseCollator(int strength) {
        Collator c = Collator.getInstance(Locale.forLanguageTag("vi"));
        // The JDK's default is NO_DECOMPOSITION; keys are NFC already, but a decomposed text must still compare
        // equal to its composed form.
        c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        c.setStrength(strength);
        return c;
    }
}
