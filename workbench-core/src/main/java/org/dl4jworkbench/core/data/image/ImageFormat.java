package org.dl4jworkbench.core.data.image;

/** Image formats the workbench reads, recognised by their first bytes. */
public final class ImageFormat {

    public static final String JPEG = "JPEG";
    public static final String PNG = "PNG";
    public static final String GIF = "GIF";
    public static final String BMP = "BMP";

    private ImageFormat() {
    }

    /** The format of an image file's content, or null where it is none of the four. */
    public static String sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if (head.length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return GIF;
        }
        if (head.length >= 14 && head[0] == 'B' && head[1] == 'M') {
            return BMP;
        }
        return null;
    }

    /** Whether a file name looks like an image the workbench reads (used to word skip reasons). */
    public static boolean hasImageExtension(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".gif")
                || n.endsWith(".bmp");
    }
}
