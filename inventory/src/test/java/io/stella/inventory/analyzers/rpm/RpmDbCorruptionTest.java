package io.stella.inventory.analyzers.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.spi.AnalyzerHarness;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged copies of the real databases: truncated, with single bytes flipped, and with structures bent on
 * purpose (loops, page numbers out of range, index entries pointing outside the header). The analyzer must
 * warn, naming the database, never throw, never hang, and never invent a package.
 */
class RpmDbCorruptionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int BDB_PAGE = 4096;

    private final RpmDbAnalyzer analyzer = new RpmDbAnalyzer();

    private AnalyzerHarness.Result analyze(RpmFixtures fixture, byte[] content) {
        return assertTimeoutPreemptively(PATIENCE,
                () -> AnalyzerHarness.analyze(analyzer, fixture.imagePath(), content, 0644));
    }

    private static void assertWarned(AnalyzerHarness.Result result, RpmFixtures fixture, String what) {
        assertThat(result.warnings()).as("warnings").isNotEmpty()
                .allSatisfy(w -> assertThat(w.message()).contains("rpm database " + fixture.imagePath()))
                .anySatisfy(w -> assertThat(w.message()).contains(what));
    }

    /** Everything reported is a package rpm lists for the intact file, each at most as often. */
    private static void assertOnlyRealPackages(AnalyzerHarness.Result result, RpmFixtures fixture) {
        List<String> remaining = new ArrayList<>(fixture.expected());
        for (String line : result.packages().stream().map(RpmFixtures::line).toList()) {
            assertThat(remaining.remove(line)).as("reported package %s is in rpm's listing", line).isTrue();
        }
    }

    private static List<Integer> truncationPoints(int length) {
        return List.of(0, 7, 16, 31, 99, 511, 4095, 4096 + 100, length / 3, length / 2, length - 4096 + 7,
                length - 100, length - 13, length - 1).stream().filter(n -> n >= 0 && n < length).distinct().toList();
    }

    @ParameterizedTest
    @EnumSource(RpmFixtures.class)
    void truncatedDatabaseIsReportedAndYieldsOnlyRealPackages(RpmFixtures fixture) {
        byte[] intact = fixture.bytes();
        for (int length : truncationPoints(intact.length)) {
            AnalyzerHarness.Result result = analyze(fixture, Arrays.copyOf(intact, length));

            assertThat(result.warnings()).as("warnings after truncation to %d bytes", length).isNotEmpty();
            assertThat(result.warnings()).allSatisfy(w -> assertThat(w.message())
                    .contains("rpm database " + fixture.imagePath()));
            assertOnlyRealPackages(result, fixture);
        }
    }

    /** A single flipped byte anywhere: no exception, no hang, and every warning names the database. */
    @ParameterizedTest
    @EnumSource(RpmFixtures.class)
    void singleFlippedBytesNeverBreakTheAnalyzer(RpmFixtures fixture) {
        byte[] intact = fixture.bytes();
        int step = Math.max(1, intact.length / 400);
        for (int at = 0; at < intact.length; at += step) {
            byte[] damaged = intact.clone();
            damaged[at] ^= 0x5a;
            AnalyzerHarness.Result result = analyze(fixture, damaged);

            assertThat(result.warnings()).allSatisfy(w -> assertThat(w.message())
                    .contains("rpm database " + fixture.imagePath()));
            assertThat(result.packages().size()).isLessThanOrEqualTo(fixture.expected().size());
        }
    }

    /** ndb blobs are checksummed: a flipped byte either leaves the result intact or is reported. */
    @Test
    void ndbFlippedByteIsDetectedOrHarmless() {
        RpmFixtures fixture = RpmFixtures.SLE15_NDB;
        byte[] intact = fixture.bytes();
        int step = intact.length / 997;
        for (int at = 0; at < intact.length; at += step) {
            byte[] damaged = intact.clone();
            damaged[at] ^= 0x5a;
            AnalyzerHarness.Result result = analyze(fixture, damaged);

            if (result.warnings().isEmpty()) {
                assertThat(result.packages()).as("flip at %d went unreported", at).map(RpmFixtures::line)
                        .containsExactlyInAnyOrderElementsOf(fixture.expected());
            } else {
                assertOnlyRealPackages(result, fixture);
            }
        }
    }

    // --- Berkeley DB: libuuid's Packages has the metadata page, bucket pages 1 and 2 (rpm's bookkeeping
    // record, then package 1 as an off-page item), and the header in the overflow chain of pages 3 to 22.

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file offset of the off-page item (type, 3 unused, page number, length) on bucket page 2. */
    private static int libuuidOffPageItem(byte[] db) {
        int valueOffset = le(db).getShort(2 * BDB_PAGE + 26 + 2) & 0xffff;
        int at = 2 * BDB_PAGE + valueOffset;
        assertThat(db[at]).as("off-page item type").isEqualTo((byte) 3);
        return at;
    }

    /** The file offset of libuuid's header blob: the data of the first overflow page. */
    private static int libuuidBlob(byte[] db) {
        int firstOverflowPage = le(db).getInt(libuuidOffPageItem(db) + 4);
        return firstOverflowPage * BDB_PAGE + 26;
    }

    private AnalyzerHarness.Result analyzeLibuuid(java.util.function.Consumer<byte[]> damage) {
        byte[] db = RpmFixtures.LIBUUID_BDB.bytes();
        damage.accept(db);
        return analyze(RpmFixtures.LIBUUID_BDB, db);
    }

    @Test
    void berkeleyDbWithoutMagicIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> db[12] ^= (byte) 0xff);

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "no Berkeley DB hash magic");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbWithInvalidPageSizeIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(20, 1000));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "invalid page size 1000");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbOverflowLoopIsReportedNotFollowed() {
        // Page 5's successor becomes page 4, its own predecessor.
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(5 * BDB_PAGE + 16, 4));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "page 4 is reached a second time");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbOverflowPageOutOfRangeIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(libuuidOffPageItem(db) + 4, 99_999));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "page number 99999 is out of range");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbPageCarryingAnotherNumberIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(10 * BDB_PAGE + 8, 11));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "page 10 carries page number 11");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbOverflowChainEndingEarlyIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(12 * BDB_PAGE + 16, 0));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "ends after");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void berkeleyDbAbsurdBucketCountIsReportedAndTheRealBucketsStillRead() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(72, -1));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "declares 4294967296 buckets");
        assertThat(result.packages()).map(RpmFixtures::line).containsExactlyElementsOf(
                RpmFixtures.LIBUUID_BDB.expected());
    }

    @Test
    void berkeleyDbItemCountBeyondThePageIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putShort(2 * BDB_PAGE + 20, (short) 5000));

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "claims 5000 items");
        assertThat(result.packages()).isEmpty();
    }

    // --- header blob damage, inside the Berkeley DB value

    @Test
    void headerWithAbsurdIndexCountIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> db[libuuidBlob(db)] = 0x7f);

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "index entries");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.kind()).isEqualTo("rpm-header-invalid"));
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void headerDataLongerThanTheBlobIsReportedAsTruncated() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> {
            ByteBuffer be = ByteBuffer.wrap(db);
            int blob = libuuidBlob(db);
            be.putInt(blob + 4, be.getInt(blob + 4) + 1);
        });

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "header blob is truncated");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void headerIndexEntryPointingOutsideTheDataStoreIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> {
            int secondEntry = libuuidBlob(db) + 8 + 16;
            ByteBuffer.wrap(db).putInt(secondEntry + 8, 0x7fff_fff0);
        });

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "outside the data store");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void headerIndexEntryOfUnknownTypeIsReported() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> {
            int secondEntry = libuuidBlob(db) + 8 + 16;
            ByteBuffer.wrap(db).putInt(secondEntry + 4, 42);
        });

        assertWarned(result, RpmFixtures.LIBUUID_BDB, "unknown type 42");
        assertThat(result.packages()).isEmpty();
    }

    // --- ndb: slots start at offset 32 (16 bytes: "Slot", package index, first block, block count)

    private AnalyzerHarness.Result analyzeNdb(java.util.function.Consumer<byte[]> damage) {
        byte[] db = RpmFixtures.SLE15_NDB.bytes();
        damage.accept(db);
        return analyze(RpmFixtures.SLE15_NDB, db);
    }

    /** The offset of the first slot in use. */
    private static int firstUsedSlot(byte[] db) {
        for (int at = 32; at < 4096; at += 16) {
            if (le(db).getInt(at + 8) != 0) {
                return at;
            }
        }
        throw new AssertionError("no slot in use");
    }

    @Test
    void ndbWithoutMagicIsReported() {
        AnalyzerHarness.Result result = analyzeNdb(db -> db[0] = 'X');

        assertWarned(result, RpmFixtures.SLE15_NDB, "no ndb magic");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void ndbBlobWithFlippedByteFailsItsChecksumAndOnlyThatPackageIsLost() {
        AnalyzerHarness.Result result = analyzeNdb(db -> {
            int firstBlock = le(db).getInt(firstUsedSlot(db) + 8);
            db[firstBlock * 16 + 16 + 200] ^= 0x01;
        });

        assertWarned(result, RpmFixtures.SLE15_NDB, "Adler-32 checksum mismatch");
        assertThat(result.packages()).hasSize(RpmFixtures.SLE15_EXPECTED.size() - 1);
        assertOnlyRealPackages(result, RpmFixtures.SLE15_NDB);
    }

    @Test
    void ndbSlotPointingBeyondTheFileIsReported() {
        AnalyzerHarness.Result result = analyzeNdb(db -> le(db).putInt(firstUsedSlot(db) + 8, 0x7fff_ffff));

        assertWarned(result, RpmFixtures.SLE15_NDB, "outside the blob area");
        assertThat(result.packages()).hasSize(RpmFixtures.SLE15_EXPECTED.size() - 1);
    }

    @Test
    void ndbSlotsSharingBlocksAreReported() {
        AnalyzerHarness.Result result = analyzeNdb(db -> {
            int first = firstUsedSlot(db);
            ByteBuffer bytes = le(db);
            bytes.putInt(first + 16 + 8, bytes.getInt(first + 8));
            bytes.putInt(first + 16 + 12, bytes.getInt(first + 12));
        });

        assertWarned(result, RpmFixtures.SLE15_NDB, "already used");
        assertOnlyRealPackages(result, RpmFixtures.SLE15_NDB);
    }

    @Test
    void ndbSlotPageCountBeyondTheFileIsReported() {
        AnalyzerHarness.Result result = analyzeNdb(db -> le(db).putInt(12, 100_000));

        assertWarned(result, RpmFixtures.SLE15_NDB, "declares 100000 slot pages");
        assertOnlyRealPackages(result, RpmFixtures.SLE15_NDB);
    }

    @Test
    void ndbSlotWithoutMagicIsReported() {
        AnalyzerHarness.Result result = analyzeNdb(db -> db[firstUsedSlot(db)] = 'X');

        assertWarned(result, RpmFixtures.SLE15_NDB, "has no \"Slot\" magic");
        assertThat(result.packages()).hasSize(RpmFixtures.SLE15_EXPECTED.size() - 1);
    }

    @Test
    void warningsAboutOneBadlyDamagedFileAreCapped() {
        // Every slot of the first slot page loses its magic: 254 problems, 20 shown and one summary.
        AnalyzerHarness.Result result = analyzeNdb(db -> {
            for (int at = 32; at < 4096; at += 16) {
                db[at] = 'X';
            }
        });

        assertThat(result.warnings()).hasSize(DatabaseProblems.MAX_DETAILED + 1);
        assertThat(result.warnings().getLast().message()).contains("234 further problems not shown (254 in all)",
                "the last: slot at offset 4080 has no \"Slot\" magic");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void sqliteWithoutMagicIsReported() {
        byte[] db = RpmFixtures.MARINER_SQLITE.bytes();
        db[0] = 'X';

        AnalyzerHarness.Result result = analyze(RpmFixtures.MARINER_SQLITE, db);

        assertWarned(result, RpmFixtures.MARINER_SQLITE, "not an SQLite database");
        assertThat(result.packages()).isEmpty();
    }

    @Test
    void warningKindsAreTheDocumentedOnes() {
        AnalyzerHarness.Result result = analyzeLibuuid(db -> le(db).putInt(5 * BDB_PAGE + 16, 4));

        assertThat(result.warnings()).map(AnalysisWarning::kind).containsOnly("rpmdb-malformed");
    }
}
