package io.stella.inventory.analyzers.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.spi.AnalyzerHarness;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Berkeley DB stores its page fields in the byte order of the machine that wrote it, so a Packages file
 * from an s390x image is big-endian. No such file is in the shared data; this test turns the real
 * little-endian ones into what a big-endian machine writes, swapping exactly the fields rpm's
 * {@code bdb_ro.c} swaps back (metadata words; page number, neighbours, item count, free offset, item
 * offsets, and off-page items' page number and length). Keys and header blobs are not swapped: rpm
 * headers are big-endian everywhere.
 */
class BigEndianBerkeleyDbTest {
    private static final int PAGE_HEADER_SIZE = 26;

    @ParameterizedTest
    @EnumSource(value = RpmFixtures.class, names = {"LIBUUID_BDB", "SYFT_REDHAT_BDB", "SYFT_COVERAGE_BDB"})
    void bigEndianDatabaseListsTheSamePackages(RpmFixtures fixture) throws IOException {
        byte[] bigEndian = toBigEndian(fixture.bytes());

        AnalyzerHarness.Result result = AnalyzerHarness.analyze(new RpmDbAnalyzer(), fixture.imagePath(), bigEndian,
                0644);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).map(RpmFixtures::line).containsExactlyInAnyOrderElementsOf(fixture.expected());
    }

    private static byte[] toBigEndian(byte[] littleEndian) {
        ByteBuffer in = ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN);
        byte[] out = littleEndian.clone();
        ByteBuffer be = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
        int pageSize = in.getInt(20);
        for (int at = 8; at < 224; at += 4) {
            if (at != 24) { // four single-byte fields: encryption, page type, flags, unused
                be.putInt(at, in.getInt(at));
            }
        }
        for (int page = 1; page < littleEndian.length / pageSize; page++) {
            int base = page * pageSize;
            for (int field = 8; field <= 16; field += 4) {
                be.putInt(base + field, in.getInt(base + field));
            }
            int items = in.getShort(base + 20) & 0xffff;
            be.putShort(base + 20, in.getShort(base + 20));
            be.putShort(base + 22, in.getShort(base + 22));
            int type = littleEndian[base + 25];
            if (type == 13 || type == 2) {
                for (int i = 0; i < items; i++) {
                    int offset = in.getShort(base + PAGE_HEADER_SIZE + 2 * i) & 0xffff;
                    be.putShort(base + PAGE_HEADER_SIZE + 2 * i, (short) offset);
                    if (littleEndian[base + offset] == 3) {
                        be.putInt(base + offset + 4, in.getInt(base + offset + 4));
                        be.putInt(base + offset + 8, in.getInt(base + offset + 8));
                    }
                }
            }
        }
        return out;
    }
}
