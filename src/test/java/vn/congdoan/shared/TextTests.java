package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void searchKeyFindsNguyenFromNguyen() {
        assertThat(Text.searchKey("Nguyễn Văn Ánh")).isEqualTo("nguyen van anh");
    }

    @Test
    void searchKeyFoldsTheLetterDWithStroke() {
        assertThat(Text.searchKey("Đặng Đức Đạt")).isEqualTo("dang duc dat");
    }

    @Test
    void decomposedInputGivesTheSameKeyAndTheSameCleanText() {
        String nfd = Normalizer.normalize("Lò Thị Hường", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Lò Thị Hường");
        assertThat(Text.clean(nfd)).isEqualTo("Lò Thị Hường");
        assertThat(Text.searchKey(nfd)).isEqualTo("lo thi huong");
    }

    @Test
    void cleanCollapsesWhiteSpaceAndKeepsNull() {
        assertThat(Text.clean("  Giàng \u00A0 A   Chứ ")).isEqualTo("Giàng A Chứ");
        assertThat(Text.clean(null)).isNull();
    }
}
