package io.stella.inventory.analyzers.rpm;

import io.stella.inventory.Package;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real rpm databases in the shared test data, where each sits in an image, and what rpm itself lists
 * for it. Expected lists are {@code name<TAB>[epoch:]version-release<TAB>arch} lines, the form the
 * analyzer's packages are compared in.
 */
enum RpmFixtures {
    MARINER_SQLITE("go-rpmdb/cbl-mariner-2.0-rpmdb.sqlite", "var/lib/rpm/rpmdb.sqlite", "cbl-mariner-2.0.tsv"),
    LIBUUID_BDB("go-rpmdb/libuuid-Packages.bdb", "var/lib/rpm/Packages", "libuuid.tsv"),
    SYFT_COVERAGE_BDB("syft/image-pkg-coverage-rpm-Packages.bdb", "var/lib/rpm/Packages",
            "syft-image-pkg-coverage.tsv"),
    SYFT_REDHAT_BDB("syft/redhat-Packages.bdb", "usr/share/rpm/Packages", "syft-redhat.tsv"),
    /** No rpm -qa listing in the shared data (Debian's rpm is built without ndb); see {@link #SLE15_EXPECTED}. */
    SLE15_NDB("go-rpmdb/sle15-bci-Packages.ndb", "usr/lib/sysimage/rpm/Packages.db", null);

    /**
     * What rpm -qa printed inside registry.suse.com/bci/bci-minimal:15.3 for this database, as recorded in
     * go-rpmdb's test expectations for testdata/sle15-bci/Packages.db and copied from there into
     * fossa-cli's test/Ndb/NdbSpec.hs (name, version-release, arch; none of these packages has an epoch).
     * It is an independent listing, not output of this analyzer.
     */
    static final List<String> SLE15_EXPECTED = List.of(
            "system-user-root\t20190513-3.3.1\tnoarch",
            "filesystem\t15.0-11.3.2\tx86_64",
            "glibc\t2.31-9.3.2\tx86_64",
            "libpcre1\t8.45-20.10.1\tx86_64",
            "libgmp10\t6.1.2-4.6.1\tx86_64",
            "libgcc_s1\t11.2.1+git610-1.3.9\tx86_64",
            "libcap2\t2.26-4.6.1\tx86_64",
            "libstdc++6\t11.2.1+git610-1.3.9\tx86_64",
            "libncurses6\t6.1-5.9.1\tx86_64",
            "terminfo-base\t6.1-5.9.1\tx86_64",
            "libattr1\t2.4.47-2.19\tx86_64",
            "libselinux1\t3.0-1.31\tx86_64",
            "libreadline7\t7.0-19.6.1\tx86_64",
            "bash\t4.4-19.6.1\tx86_64",
            "libacl1\t2.2.52-4.3.1\tx86_64",
            "coreutils\t8.32-3.2.1\tx86_64",
            "sles-release\t15.3-55.4.1\tx86_64",
            "ca-certificates-mozilla-prebuilt\t2.44-21.1\tnoarch",
            "libgpg-error0\t1.29-1.8\tx86_64",
            "libpopt0\t1.16-3.22\tx86_64",
            "file-magic\t5.32-7.14.1\tnoarch",
            "libbz2-1\t1.0.6-5.11.1\tx86_64",
            "liblua5_3-5\t5.3.6-3.6.1\tx86_64",
            "liblzma5\t5.2.3-4.3.1\tx86_64",
            "libz1\t1.2.11-3.21.1\tx86_64",
            "libzstd1\t1.4.4-1.6.1\tx86_64",
            "libmagic1\t5.32-7.14.1\tx86_64",
            "libdw1\t0.168-4.5.3\tx86_64",
            "libebl-plugins\t0.168-4.5.3\tx86_64",
            "libelf1\t0.168-4.5.3\tx86_64",
            "libcrypt1\t4.4.15-2.51\tx86_64",
            "perl-base\t5.26.1-15.87\tx86_64",
            "libgcrypt20\t1.8.2-8.39.1\tx86_64",
            "rpm-config-SUSE\t1-5.6.1\tnoarch",
            "rpm-ndb\t4.14.3-40.1\tx86_64");

    private final String file;
    private final String imagePath;
    private final String rpmQaListing;

    RpmFixtures(String file, String imagePath, String rpmQaListing) {
        this.file = file;
        this.imagePath = imagePath;
        this.rpmQaListing = rpmQaListing;
    }

    static Path pkgdb() {
        return TestImages.testData().resolve("pkgdb");
    }

    Path file() {
        return pkgdb().resolve(file);
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String imagePath() {
        return imagePath;
    }

    /** The expected packages: rpm -qa's listing (tsv columns name, epoch, version, release, arch). */
    List<String> expected() {
        if (rpmQaListing == null) {
            return SLE15_EXPECTED;
        }
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(pkgdb().resolve("rpm-qa").resolve(rpmQaListing),
                    StandardCharsets.UTF_8)) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String epoch = f[1].isEmpty() ? "" : f[1] + ":";
                lines.add(f[0] + "\t" + epoch + f[2] + "-" + f[3] + "\t" + f[4]);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(Package pkg) {
        return pkg.name() + "\t" + pkg.version() + "\t" + pkg.arch();
    }
}
