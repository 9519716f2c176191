package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congdoan.finance.internal.qr.VietQr;
import vn.congdoan.shared.Money;

/**
 * The VietQR payload, checked field by field by {@link EmvTlv}, a parser written for the tests from the EMVCo
 * layout (not from the generator), and round-tripped through the PNG with ZXing.
 */
class VietQrTests {

    @Test
    void crcIsCcittFalse() {
        // The published check value of CRC-16/CCITT-FALSE ("123456789" → 0x29B1).
        assertThat(VietQr.crc16("123456789")).isEqualTo("29B1");
        assertThat(EmvTlv.crc("123456789")).isEqualTo("29B1");
    }

    @Test
    void theTestParserAcceptsAPublishedNapasSample() {
        // A VietQR string published with its CRC by a third party (a NAPAS "push" sample, BIN 970403).
        String sample = "00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN"
                + "5910PHUONG CAC6005HANOI62110307NPS686963045802";
        Map<String, String> root = EmvTlv.parseChecked(sample);
        assertThat(root.get("38")).startsWith("0010A000000727");
        assertThat(EmvTlv.parse(EmvTlv.parse(root.get("38")).get("01")).get("00"))
                .isEqualTo("970403");
    }

    @Test
    void kpcdPayloadCarriesEveryFieldOfTheNapasLayout() {
        String payload = VietQr.payload("970405", "1500201088888", Money.of(2_000_000), "KPCD 6200123456 07/2025");
        Map<String, String> root = EmvTlv.parseChecked(payload);

        assertThat(root.keySet()).containsExactly("00", "01", "38", "53", "54", "58", "62", "63");
        assertThat(root.get("00")).isEqualTo("01");
        assertThat(root.get("01")).isEqualTo("12");
        Map<String, String> merchant = EmvTlv.parse(root.get("38"));
        assertThat(merchant.keySet()).containsExactly("00", "01", "02");
        assertThat(merchant.get("00")).isEqualTo("A000000727");
        assertThat(merchant.get("02")).isEqualTo("QRIBFTTA");
        Map<String, String> beneficiary = EmvTlv.parse(merchant.get("01"));
        assertThat(beneficiary.get("00")).isEqualTo("970405");
        assertThat(beneficiary.get("01")).isEqualTo("1500201088888");
        assertThat(root.get("53")).isEqualTo("704");
        assertThat(root.get("54")).isEqualTo("2000000");
        assertThat(root.get("58")).isEqualTo("VN");
        assertThat(EmvTlv.parse(root.get("62")).get("08")).isEqualTo("KPCD 6200123456 07/2025");
    }

    @Test
    void pngDecodesBackToTheSamePayload() {
        String payload = VietQr.payload("970405", "1500201088888", Money.of(1_234_567), "KPCD 6200123456 12/2025");
        byte[] png = VietQr.png(payload, 6);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(EmvTlv.decodePng(png)).isEqualTo(payload);
    }

    @Test
    void withoutAmountTheCodeIsStaticAndHasNoAmountField() {
        Map<String, String> root = EmvTlv.parseChecked(VietQr.payload("970405", "123", null, "DP DV0001 07/2025"));
        assertThat(root.get("01")).isEqualTo("11");
        assertThat(root).doesNotContainKey("54");
    }

    @Test
    void contentIsFoldedToAsciiAndCutTo25Characters() {
        assertThat(VietQr.content("Đoàn phí tháng 7/2025 của đoàn viên Nguyễn Văn Ánh"))
                .isEqualTo("DOAN PHI THANG 7/2025 CUA")
                .hasSizeLessThanOrEqualTo(25);
        assertThat(VietQr.content("  kpcd\t0101234567   07/2025 ")).isEqualTo("KPCD 0101234567 07/2025");
    }

    @Test
    void refusesAMalformedBinAccountOrAmount() {
        assertThatThrownBy(() -> VietQr.payload("97040", "123", null, "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload("970405", "12 3", null, "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload("970405", "123", Money.ZERO, "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload("970405", "123", null, "   "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
