package vn.congdoan.finance.internal.dues;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transfer content of a dues payment, {@code DP <member code> <MM/YYYY>} (issue 7, item 7), written into the
 * VietQR code and read back from the bank statement. Banks reformat the content (upper case, "/" dropped or turned
 * into "-" or ".", prefixes such as the sender's name or a transaction number, Vietnamese letters stripped), so the
 * reader looks for the pattern anywhere in the folded text.
 */
public final class TransferContent {

    private static final Pattern DUES =
            Pattern.compile("(?:^|[^A-Z0-9])DP[ ._-]*(DV[0-9]{10})[ ._-]*([0-9]{2})[ /._-]*([0-9]{4})(?![0-9])");

    private TransferContent() {}

    /** The content for a member and month: {@code DP DV0000012344 07/2025}. */
    public static String of(String memberCode, YearMonth month) {
        return "DP " + memberCode + " "
                + String.format(Locale.ROOT, "%02d/%04d", month.getMonthValue(), month.getYear());
    }

    public record Parsed(String memberCode, YearMonth month) {}

    /** The member code and month named in a statement line's content, if any (the month must be 01–12). */
    public static Optional<Parsed> parse(String content) {
        String folded = Normalizer.normalize(content, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('\u0111', 'd')
                .replace('\u0110', 'D')
                .toUpperCase(Locale.ROOT);
        Matcher m = DUES.matcher(folded);
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return Optional.of(new Parsed(m.group(1), YearMonth.of(Integer.parseInt(m.group(3)), month)));
            }
        }
        return Optional.empty();
    }
}
