package vn.congdoan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 54 ethnic groups with the codes of Quyết định 121-TCTK/PPCĐ (02/03/1979), DOMAIN.md §11.4, read from {@code
 * reference/ethnic-groups.csv}. In this list 53 is Ơ Đu and 54 is Rơ Măm; lists ordered by recent population, the 2008
 * GSO revision and the social-insurance lists number the groups differently, so imports from them must be mapped, not
 * copied.
 *
 * <p>Two system values follow the official 54, with letter codes so that they can never be mistaken for an official
 * code (other systems use 55 / 00 for them, unverified): {@link #FOREIGN} for a foreign national and {@link #UNKNOWN}
 * for "not known".
 */
public final class Ethnicities {

    /** The system value for a foreign national ("Người nước ngoài"). */
    public static final String FOREIGN = "NN";

    /** The system value for an ethnicity that is not known ("Không xác định"). */
    public static final String UNKNOWN = "KX";

    private static final String RESOURCE = "/reference/ethnic-groups.csv";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}(\\.0+)?");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    /**
     * Other spellings met in imports, as folded keys (see {@link #fold}): exonyms and older transcriptions. The
     * official names themselves need no entry; spacing, hyphens, apostrophes, case and diacritics are folded away.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("viet", "01"),
            Map.entry("khmer", "05"),
            Map.entry("hmong", "08"),
            Map.entry("jrai", "10"),
            Map.entry("rhade", "12"),
            Map.entry("bahnar", "13"),
            Map.entry("sedang", "14"),
            Map.entry("koho", "16"),
            Map.entry("stieng", "22"),
            Map.entry("bru", "23"),
            Map.entry("vankieu", "23"),
            Map.entry("katu", "26"),
            Map.entry("khmu", "29"),
            Map.entry("nuocngoai", FOREIGN),
            Map.entry("khongro", UNKNOWN));

    /** A group: its two-digit code (or a system code) and its Vietnamese name, NFC. */
    public record Group(String code, String name) {}

    private static final List<Group> ALL;
    private static final Map<String, Group> BY_CODE;
    private static final Map<String, Group> BY_KEY;

    static {
        ALL = load();
        Map<String, Group> byCode = new LinkedHashMap<>();
        Map<String, Group> byKey = new HashMap<>();
        for (Group g : ALL) {
            if (byCode.put(g.code(), g) != null) {
                throw new IllegalStateException(RESOURCE + ": code " + g.code() + " appears twice");
            }
            if (byKey.put(fold(g.name()), g) != null) {
                throw new IllegalStateException(RESOURCE + ": two names fold to " + fold(g.name()));
            }
        }
        ALIASES.forEach((key, code) -> {
            if (byKey.putIfAbsent(key, byCode.get(code)) != null) {
                throw new IllegalStateException("alias " + key + " is also a name");
            }
        });
        BY_CODE = Map.copyOf(byCode);
        BY_KEY = Map.copyOf(byKey);
    }

    private Ethnicities() {}

    /** The 54 groups in code order, then {@link #FOREIGN} and {@link #UNKNOWN}. */
    public static List<Group> all() {
        return ALL;
    }

    /** The group with exactly this code ({@code "08"}, {@code "NN"}). */
    public static Optional<Group> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code.strip()));
    }

    /**
     * A lenient lookup for imports. Accepts a code with or without its leading zero, also as a spreadsheet number
     * ({@code "1"}, {@code "01"}, {@code "8.0"}); a system code in any case ({@code "nn"}); or a name or a known other
     * spelling, ignoring case, diacritics, spaces, hyphens and apostrophes, and a leading "dân tộc" or "người" ({@code
     * "mong"}, {@code "HMông"}, {@code "H'Mông"}, {@code "Dân tộc Kinh"}).
     */
    public static Optional<Group> byName(String nameOrCode) {
        String s = Normalizer.normalize(nameOrCode, Normalizer.Form.NFC).strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(s).matches()) {
            int dot = s.indexOf('.');
            String digits = dot < 0 ? s : s.substring(0, dot);
            return byCode(digits.length() == 1 ? "0" + digits : digits);
        }
        Optional<Group> system = byCode(s.toUpperCase(Locale.ROOT));
        if (system.isPresent()) {
            return system;
        }
        String key = fold(s);
        Group g = BY_KEY.get(key);
        for (String prefix : new String[] {"dantoc", "nguoi"}) {
            if (g == null && key.startsWith(prefix) && key.length() > prefix.length()) {
                g = BY_KEY.get(key.substring(prefix.length()));
            }
        }
        return Optional.ofNullable(g);
    }

    /** The name for a code, or the code itself when it is not in the list (shown as typed rather than hidden). */
    public static String name(String code) {
        return byCode(code).map(Group::name).orElse(code);
    }

    /** {@link Text#searchKey} with everything but letters and digits removed: "H'Mông" → "hmong". */
    private static String fold(String s) {
        return NOT_ALNUM.matcher(Text.searchKey(s)).replaceAll("");
    }

    private static List<Group> load() {
        try (InputStream in = Ethnicities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<Group> groups = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (!l.equals("code,name")) {
                        throw new IllegalStateException(RESOURCE + ": header code,name expected, found " + l);
                    }
                    continue;
                }
                int comma = l.indexOf(',');
                if (comma < 0) {
                    throw new IllegalStateException(RESOURCE + ": no comma in " + l);
                }
                String code = l.substring(0, comma).strip();
                String name = Normalizer.normalize(l.substring(comma + 1).strip(), Normalizer.Form.NFC);
                groups.add(new Group(code, name));
            }
            return List.copyOf(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
