package vn.congdoan.membership;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the QR code in a PNG with ZXing core only (core has no BufferedImage source; javase is not a dependency). */
final class CardQr {

    private CardQr() {}

    static String decode(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The whole card first, then its right part (where the code sits, without the text around it), each with
        // both of ZXing's binarizers: a full card with large text now and then hides the finder patterns from one.
        BufferedImage right = image.getSubimage(image.getWidth() / 2, 0, image.getWidth() / 2, image.getHeight());
        ReaderException last = null;
        for (BufferedImage region : new BufferedImage[] {image, right}) {
            LuminanceSource source = new Luminance(region);
            for (BinaryBitmap bitmap : new BinaryBitmap[] {
                new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source))
            }) {
                try {
                    return new QRCodeReader()
                            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                            .getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
        }
        throw new AssertionError("no readable QR code in the image", last);
    }

    /** Grey levels of an RGB image (ITU-R BT.601 weights). */
    private static final class Luminance extends LuminanceSource {

        private final byte[] grey;

        Luminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            grey = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    grey[y * image.getWidth() + x] = (byte) ((r * 299 + g * 587 + b * 114) / 1000);
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] r = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(grey, y * getWidth(), r, 0, getWidth());
            return r;
        }

        @Override
        public byte[] getMatrix() {
            return grey.clone();
        }
    }
}
