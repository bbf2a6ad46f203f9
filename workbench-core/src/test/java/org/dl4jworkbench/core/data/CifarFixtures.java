package org.dl4jworkbench.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes CIFAR-10 batches in the exact binary format (a label byte, then the 1024 red, 1024
 * green and 1024 blue bytes of a 32x32 image) for tests: small batches with known pixels, and
 * complete learnable dataset folders for training tests.
 */
public final class CifarFixtures {

    private static final int PLANE = Cifar10Reader.SIZE * Cifar10Reader.SIZE;

    private CifarFixtures() {
    }

    /**
     * The known value of byte {@code position} (0..1023, row by row) of {@code channel} (0 red,
     * 1 green, 2 blue) of image {@code image}: each channel has its own offset, so planes that
     * land in the wrong channel or the wrong order show.
     */
    public static int knownPixel(int image, int channel, int position) {
        return (image * 3 + channel * 85 + position * 7) & 0xff;
    }

    /** The known label of image {@code image}: 0..9 in turn. */
    public static int knownLabel(int image) {
        return image % 10;
    }

    /** {@code count} records with {@link #knownPixel} and {@link #knownLabel}, numbered from {@code first}. */
    public static byte[] knownBatch(int first, int count) {
        byte[] batch = new byte[count * Cifar10Reader.RECORD_BYTES];
        for (int r = 0; r < count; r++) {
            int image = first + r;
            int base = r * Cifar10Reader.RECORD_BYTES;
            batch[base] = (byte) knownLabel(image);
            for (int c = 0; c < Cifar10Reader.CHANNELS; c++) {
                for (int p = 0; p < PLANE; p++) {
                    batch[base + 1 + c * PLANE + p] = (byte) knownPixel(image, c, p);
                }
            }
        }
        return batch;
    }

    /**
     * A dataset folder of known images: {@code trainBatches} batch files of {@code perBatch}
     * records (images numbered on across the files) and a test batch of {@code testCount}
     * records numbered from 1000. No {@code batches.meta.txt}.
     */
    public static Path writeKnown(Path dir, int trainBatches, int perBatch, int testCount) throws IOException {
        Files.createDirectories(dir);
        for (int b = 0; b < trainBatches; b++) {
            Files.write(dir.resolve(Cifar10Reader.TRAIN_BATCHES.get(b)), knownBatch(b * perBatch, perBatch));
        }
        Files.write(dir.resolve(Cifar10Reader.TEST_BATCH), knownBatch(1000, testCount));
        return dir;
    }

    /**
     * A complete CIFAR-10 folder a small CNN can learn in an epoch or two: the five training
     * batches (sharing {@code trainImages} between them), {@code test_batch.bin} with
     * {@code testImages}, and {@code batches.meta.txt}. Each class is a square of its own colour
     * (hues 36 degrees apart) at a random place and size, on a noisy grey background. Balanced
     * classes; the same {@code seed} writes the same bytes.
     */
    public static Path writeLearnable(Path dir, int trainImages, int testImages, long seed) throws IOException {
        Files.createDirectories(dir);
        var random = new Random(seed);
        int batches = Cifar10Reader.TRAIN_BATCHES.size();
        int written = 0;
        for (int b = 0; b < batches; b++) {
            int count = trainImages / batches + (b < trainImages % batches ? 1 : 0);
            Files.write(dir.resolve(Cifar10Reader.TRAIN_BATCHES.get(b)), learnableBatch(written, count, random));
            written += count;
        }
        Files.write(dir.resolve(Cifar10Reader.TEST_BATCH), learnableBatch(0, testImages, random));
        Files.writeString(dir.resolve(Cifar10Reader.CLASS_NAMES_FILE),
                String.join("\n", Cifar10Reader.CLASS_NAMES) + "\n\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** {@code count} learnable records; labels cycle 0..9 from {@code first}, so classes stay balanced. */
    public static byte[] learnableBatch(int first, int count, Random random) {
        var out = new ByteArrayOutputStream(count * Cifar10Reader.RECORD_BYTES);
        for (int i = 0; i < count; i++) {
            int label = (first + i) % 10;
            out.write(label);
            out.writeBytes(learnableImage(label, random));
        }
        return out.toByteArray();
    }

    private static byte[] learnableImage(int label, Random random) {
        int[] rgb = hue(label * 36);
        int side = 12 + random.nextInt(9);
        int top = random.nextInt(Cifar10Reader.SIZE - side + 1);
        int left = random.nextInt(Cifar10Reader.SIZE - side + 1);
        byte[] image = new byte[Cifar10Reader.IMAGE_BYTES];
        for (int y = 0; y < Cifar10Reader.SIZE; y++) {
            for (int x = 0; x < Cifar10Reader.SIZE; x++) {
                boolean inside = y >= top && y < top + side && x >= left && x < left + side;
                for (int c = 0; c < Cifar10Reader.CHANNELS; c++) {
                    int base = inside ? rgb[c] : 128;
                    int value = base + (int) Math.round(random.nextGaussian() * 25);
                    image[c * PLANE + y * Cifar10Reader.SIZE + x] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        return image;
    }

    /** A saturated colour of {@code degrees} hue as red, green, blue 0..255. */
    private static int[] hue(int degrees) {
        double h = degrees / 60.0;
        int sector = (int) Math.floor(h) % 6;
        int rising = (int) Math.round(255 * (h - Math.floor(h)));
        int falling = 255 - rising;
        return switch (sector) {
            case 0 -> new int[] {255, rising, 0};
            case 1 -> new int[] {falling, 255, 0};
            case 2 -> new int[] {0, 255, rising};
            case 3 -> new int[] {0, falling, 255};
            case 4 -> new int[] {rising, 0, 255};
            default -> new int[] {255, 0, falling};
        };
    }
}
