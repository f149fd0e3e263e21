package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.stella.testing.TestImages;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stella db import|export|status|update} as a user runs them, on the shared OSV and secdb data. */
@Tag("integration")
class DbCommandIntegrationTest {
    @TempDir
    Path dir;

    private static Path osv(String zip) {
        return TestImages.testData().resolve("osv").resolve(zip);
    }

    @Test
    void importThenStatusListsEverySourceWithItsCounts() {
        Cli cli = Cli.in(dir);
        CliResult imported = cli.run("db", "import", osv("rustsec.zip").toString(), osv("pypa.zip").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("osv:crates.io: ").contains("osv:PyPI: ");
        // pypa ships 7 records that fail the OSV schema on purpose: named, not dropped silently.
        assertThat(imported.out().lines().filter(l -> l.startsWith("  invalid ")).count()).isEqualTo(7);
        assertThat(cli.stellaHome().resolve("db/stella.db")).isRegularFile();

        CliResult status = cli.run("db", "status", "--format", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = status.json();
        assertThat(json.path("stale").asBoolean()).isFalse();
        assertThat(json.path("sources")).hasSize(2);
        assertThat(json.at("/sources/0/records/crates.io").asLong() + json.at("/sources/1/records/crates.io").asLong())
                .isEqualTo(1206);

        CliResult stale = cli.run("db", "status", "--max-age", "1ms");
        assertThat(stale.exitCode()).isZero();
        assertThat(stale.out()).contains("STALE").contains("stella db update");
    }

    @Test
    void anExportedBundleImportsElsewhereAndATamperedOneIsRefused() throws Exception {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("db", "import", osv("rustsec.zip").toString()).exitCode()).isZero();
        Path bundle = dir.resolve("stella-db-bundle.zip");
        CliResult exported = cli.run("db", "export", bundle.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();

        Path other = dir.resolve("airgap.db");
        CliResult imported = cli.run("db", "import", "--db", other.toString(), bundle.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        CliResult status = cli.run("db", "status", "--db", other.toString(), "--format", "json");
        assertThat(status.json().at("/sources/0/name").asText()).isEqualTo("osv:crates.io");

        Path tampered = dir.resolve("tampered.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".db")) {
                    bytes[bytes.length / 2] ^= 0x5a;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Path third = dir.resolve("third.db");
        CliResult refused = cli.run("db", "import", "--db", third.toString(), tampered.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.VULNDB);
        assertThat(refused.err()).startsWith("VULNDB_BUNDLE_TAMPERED: ").contains("hint: ");
        assertThat(third).doesNotExist();
    }

    @Test
    void importOfSomethingThatIsNotVulnerabilityDataLeavesTheDatabaseAsItWas() throws Exception {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("db", "import", osv("rustsec.zip").toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(cli.stellaHome().resolve("db/stella.db"));
        Path notData = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliResult result = cli.run("db", "import", notData.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VULNDB);
        assertThat(result.err()).startsWith("VULNDB_IMPORT_FAILED: ").contains("notes.txt");
        assertThat(Files.readAllBytes(cli.stellaHome().resolve("db/stella.db"))).isEqualTo(before);

        CliResult missing = cli.run("db", "import", dir.resolve("nope.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.VULNDB);
        assertThat(missing.err()).contains("nope.zip").contains("does not exist");
    }

    @Test
    void updateDownloadsFromASourceAndA404IsADownloadFailure() throws Exception {
        byte[] zip = Files.readAllBytes(osv("rustsec.zip"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/crates.io/all.zip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zip);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Cli cli = Cli.in(dir);
            CliResult updated = cli.run("db", "update", "--source", base + "/crates.io/all.zip");
            assertThat(updated.exitCode()).as(updated.toString()).isZero();
            assertThat(updated.out()).contains("osv:crates.io: ");
            assertThat(updated.err()).contains("downloading " + base + "/crates.io/all.zip: 100%");

            CliResult missing = cli.run("db", "update", "--source", base + "/Nothing/all.zip");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.VULNDB);
            assertThat(missing.err()).startsWith("VULNDB_DOWNLOAD_FAILED: ").contains("404");
            assertThat(cli.run("db", "status", "--format", "json").json().at("/sources/0/name").asText())
                    .isEqualTo("osv:crates.io");
        } finally {
            server.stop(0);
        }
    }
}
