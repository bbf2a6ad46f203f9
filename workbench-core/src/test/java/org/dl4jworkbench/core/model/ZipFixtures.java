package org.dl4jworkbench.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;

/**
 * Writes zip files byte by byte, so tests can build what {@code ZipOutputStream} refuses to:
 * duplicate names, path tricks, and entries whose declared size is a lie (zip bombs).
 */
final class ZipFixtures {

    /** One entry as stored: {@code data} is what the file holds (deflated or not). */
    record RawEntry(String name, int method, byte[] data, long crc, long size) {
    }

    private ZipFixtures() {
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var file = new ZipFile(zip.toFile())) {
            for (var e = file.entries(); e.hasMoreElements();) {
                var entry = e.nextElement();
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    static List<RawEntry> deflated(Map<String, byte[]> entries) {
        List<RawEntry> raw = new ArrayList<>();
        entries.forEach((name, content) -> raw.add(deflated(name, content)));
        return raw;
    }

    static RawEntry deflated(String name, byte[] content) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        var crc = new CRC32();
        crc.update(content);
        return new RawEntry(name, 8, out.toByteArray(), crc.getValue(), content.length);
    }

    /**
     * {@code prefix} then {@code count} zero bytes, deflated (zeros about 1,000 to 1),
     * declaring {@code declaredSize}: a zip bomb that claims to be small.
     */
    static RawEntry deflatedWithZeros(String name, byte[] prefix, long count, long declaredSize) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        var out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        var crc = new CRC32();
        crc.update(prefix);
        deflater.setInput(prefix);
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        for (long left = count; left > 0; left -= zeros.length) {
            int n = (int) Math.min(zeros.length, left);
            crc.update(zeros, 0, n);
            deflater.setInput(zeros, 0, n);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new RawEntry(name, 8, out.toByteArray(), crc.getValue(), declaredSize);
    }

    static void write(Path file, List<RawEntry> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        var central = new ByteArrayOutputStream();
        for (RawEntry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.write(header(0x04034b50, 30, e, name, -1));
            out.write(name);
            out.write(e.data());
            central.write(header(0x02014b50, 46, e, name, offset));
            central.write(name);
        }
        int centralOffset = out.size();
        out.write(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt(centralOffset).putShort((short) 0);
        out.write(end.array());
        Files.write(file, out.toByteArray());
    }

    /** A local header (offset -1) or a central directory header. */
    private static byte[] header(int signature, int length, RawEntry e, byte[] name, int offset) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(signature);
        if (offset >= 0) {
            b.putShort((short) 20); // version made by
        }
        b.putShort((short) 20).putShort((short) 0x0800).putShort((short) e.method()) // version needed, UTF-8 names
                .putShort((short) 0).putShort((short) 0x5821) // time, date
                .putInt((int) e.crc()).putInt(e.data().length).putInt((int) e.size())
                .putShort((short) name.length).putShort((short) 0);
        if (offset >= 0) {
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
        }
        return b.array();
    }
}
