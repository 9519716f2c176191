package vn.congdoan.membership;

/** A rendered card (PNG or PDF) and the name to download it under. */
public record CardFile(String fileName, String contentType, byte[] content) {

    public CardFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
