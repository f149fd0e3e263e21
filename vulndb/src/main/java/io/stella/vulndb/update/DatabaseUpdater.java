package io.stella.vulndb.update;

import io.stella.vulndb.ImportReport;
import io.stella.vulndb.SourceImporter;
import io.stella.vulndb.VulnDbException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads OSV per-ecosystem zips and imports them all in one atomic build. Downloads live in
 * {@code <database dir>/downloads}; a download cut off half-way is resumed by the next update.
 */
public final class DatabaseUpdater {
    public static final List<String> DEFAULT_ECOSYSTEMS = List.of("Alpine", "Debian", "Ubuntu", "AlmaLinux",
            "Rocky Linux", "Red Hat", "SUSE", "openSUSE", "Maven", "npm", "PyPI", "Go", "crates.io", "RubyGems",
            "NuGet", "Packagist");
    private static final String OSV_BUCKET = "https://osv-vulnerabilities.storage.googleapis.com/";

    private final Path database;
    private final SourceImporter importer;
    private final Downloader downloader;

    public DatabaseUpdater(Path database, SourceImporter importer, HttpClient client) {
        this.database = database;
        this.importer = importer;
        this.downloader = new Downloader(client);
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** osv.dev's all.zip of every {@link #DEFAULT_ECOSYSTEMS default ecosystem}. */
    public static List<URI> defaultSources() {
        return DEFAULT_ECOSYSTEMS.stream()
                .map(e -> URI.create(OSV_BUCKET + URLEncoder.encode(e, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/all.zip"))
                .toList();
    }

    /** Downloads every source (all must succeed), then imports them together; the database changes only then. */
    public List<ImportReport> update(List<URI> sources, ProgressListener progress) {
        Path downloads = database.toAbsolutePath().resolveSibling("downloads");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_DOWNLOAD_FAILED, "cannot create " + downloads + ": "
                    + e.getMessage(), "check that the directory is writable", Map.of("path", downloads.toString()), e);
        }
        Map<Path, String> zips = new LinkedHashMap<>();
        for (URI source : sources) {
            zips.put(downloader.download(source, downloads.resolve(fileName(source)), progress), source.toString());
        }
        List<ImportReport> reports = importer.importZips(database, zips);
        for (Path zip : zips.keySet()) {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException ignored) {
                // a leftover download is only disk space; the update itself succeeded
            }
        }
        return reports;
    }

    /** {@code https://host/PyPI/all.zip} → {@code PyPI-all.zip}: distinct per source, safe as a file name. */
    static String fileName(URI source) {
        String path = source.getPath() == null ? "" : source.getPath();
        String name = String.join("-", java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList())
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return (name.isEmpty() ? source.getHost() : name) + (name.endsWith(".zip") ? "" : ".zip");
    }
}
