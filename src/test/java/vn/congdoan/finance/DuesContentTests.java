package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import vn.congdoan.finance.internal.dues.TransferContent;
import vn.congdoan.finance.internal.qr.VietQr;

/** The dues transfer content {@code DP <member code> <MM/YYYY>} (issue 7, item 7) and its reading from statements. */
class DuesContentTests {

    @Test
    void theContentNamesTheMemberCodeAndMonthAndFitsAVietQrPayload() {
        String content = TransferContent.of("DV0000012344", YearMonth.of(2025, 7));
        assertThat(content).isEqualTo("DP DV0000012344 07/2025");
        assertThat(VietQr.content(content)).isEqualTo(content);
    }

    @Test
    void statementLinesAreReadBackWhateverTheBankDidToTheContent() {
        var expected = new TransferContent.Parsed("DV0000012344", YearMonth.of(2025, 7));
        for (String line : new String[] {
            "DP DV0000012344 07/2025",
            "dp dv0000012344 07/2025",
            "MBVCB.3312.NGUYEN THI A chuyen tien.DP DV0000012344 07-2025.CT tu 0123",
            "DPDV0000012344072025",
            "DP.DV0000012344.07.2025",
            "Đoàn phí DP DV0000012344 07/2025 của chị Ánh"
        }) {
            assertThat(TransferContent.parse(line)).as(line).contains(expected);
        }
    }

    @Test
    void linesWithoutAValidDuesContentAreNotMatched() {
        for (String line : new String[] {
            "chuyen tien an trua",
            "DP DV000001234 07/2025",
            "DP DV0000012344 13/2025",
            "KPCD 0100109106 07/2025",
            "XDP DV0000012344 07/2025"
        }) {
            assertThat(TransferContent.parse(line)).as(line).isEmpty();
        }
    }
}
