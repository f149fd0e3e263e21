package io.stella.vulndb.osv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.vulndb.InvalidRecord;
import io.stella.vulndb.ParsedSource;
import io.stella.vulndb.Sha256;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.model.Ecosystems;
import io.stella.vulndb.osv.wire.OsvRecord;
import io.stella.vulndb.store.ImportedAdvisory;
import io.stella.vulndb.store.SourceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads OSV records from a JSON file, a directory (recursively, every {@code *.json}) or a zip laid out like
 * osv.dev's per-ecosystem {@code all.zip}. Each record is checked against the OSV schema; a record that fails
 * the schema or cannot be converted is reported and skipped, the others are imported.
 *
 * <p>The source is named after the ecosystem families of its records ({@code osv:PyPI},
 * {@code osv:AlmaLinux}), so importing newer data for an ecosystem replaces the older. A single JSON file is
 * its own source ({@code osv:PyPI/PYSEC-2021-335}) so that it adds to, never replaces, a whole ecosystem.
 */
public final class OsvReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final OsvConverter converter;

    public OsvReader(OsvConverter converter) {
        this.converter = converter;
    }

    private record RawRecord(String location, byte[] json) {
    }

    private sealed interface Outcome permits Good, Bad {
    }

    private record Good(String location, OsvConverter.Converted converted) implements Outcome {
    }

    private record Bad(InvalidRecord invalid) implements Outcome {
    }

    public ParsedSource readZip(Path zip, String origin) {
        List<RawRecord> raw = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        raw.add(new RawRecord(zip.getFileName() + "!" + entry.getName(), in.readAllBytes()));
                    }
                }
            }
            if (raw.isEmpty()) {
                throw failed(zip, "the zip holds no *.json OSV records", null);
            }
            return parse(raw, origin, Sha256.of(zip), false);
        } catch (IOException e) {
            throw failed(zip, "it is not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    public ParsedSource readDirectory(Path directory) {
        List<RawRecord> raw = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList()) {
                raw.add(new RawRecord(directory.relativize(file).toString(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw failed(directory, "the directory cannot be read (" + e.getMessage() + ")", e);
        }
        if (raw.isEmpty()) {
            throw failed(directory, "the directory holds no *.json OSV records", null);
        }
        return parse(raw, directory.toString(), null, false);
    }

    public ParsedSource readFile(Path file) {
        try {
            return parse(List.of(new RawRecord(file.getFileName().toString(), Files.readAllBytes(file))),
                    file.toString(), Sha256.of(file), true);
        } catch (IOException e) {
            throw failed(file, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private ParsedSource parse(List<RawRecord> raw, String origin, String sha256, boolean singleFile) {
        // Names are not known until the records are read; convert under a placeholder, rename below.
        List<Outcome> outcomes = raw.parallelStream().map(r -> outcome(r, "pending")).toList();
        List<InvalidRecord> invalid = new ArrayList<>();
        List<OsvConverter.Converted> good = new ArrayList<>();
        Map<String, Integer> positionById = new HashMap<>();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Bad bad -> invalid.add(bad.invalid());
                case Good g -> {
                    String id = g.converted().advisory().advisory().id();
                    Integer position = positionById.putIfAbsent(id, good.size());
                    if (position == null) {
                        good.add(g.converted());
                    } else {
                        // One id in several files (AlmaLinux publishes an advisory per release directory):
                        // one vulnerability, so its affected entries are merged.
                        good.set(position, merged(good.get(position), g.converted()));
                    }
                }
            }
        }
        TreeSet<String> families = new TreeSet<>();
        good.forEach(c -> c.advisory().affected().forEach(a -> families.add(Ecosystems.family(a.ecosystem()))));
        String name = "osv:" + (families.isEmpty() ? "unknown" : String.join("+", families));
        if (singleFile && !good.isEmpty()) {
            name += "/" + good.getFirst().advisory().advisory().id();
        }
        int gitRanges = good.stream().mapToInt(OsvConverter.Converted::gitRangesSkipped).sum();
        String source = name;
        List<ImportedAdvisory> advisories = good.stream().map(c -> renamed(c.advisory(), source)).toList();
        return new ParsedSource(new SourceData(name, origin, sha256, advisories), invalid, gitRanges, 0);
    }

    private Outcome outcome(RawRecord raw, String source) {
        String id = raw.location();
        try {
            JsonNode tree = MAPPER.readTree(raw.json());
            if (tree != null && tree.path("id").isTextual()) {
                id = tree.path("id").asText();
            }
            if (tree == null || !tree.isObject()) {
                return new Bad(new InvalidRecord(id, raw.location(), "not a JSON object"));
            }
            var violation = OsvSchema.violation(tree);
            if (violation.isPresent()) {
                return new Bad(new InvalidRecord(id, raw.location(), "fails the OSV schema: " + violation.get()));
            }
            return new Good(raw.location(), converter.convert(MAPPER.treeToValue(tree, OsvRecord.class), source));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Bad(new InvalidRecord(id, raw.location(), "not readable JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return new Bad(new InvalidRecord(id, raw.location(), "not readable: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return new Bad(new InvalidRecord(id, raw.location(), e.getMessage()));
        }
    }

    private static OsvConverter.Converted merged(OsvConverter.Converted first, OsvConverter.Converted next) {
        List<io.stella.vulndb.model.Affected> affected = new ArrayList<>(first.advisory().affected());
        affected.addAll(next.advisory().affected());
        return new OsvConverter.Converted(new ImportedAdvisory(first.advisory().advisory(), affected),
                first.gitRangesSkipped() + next.gitRangesSkipped());
    }

    private static ImportedAdvisory renamed(ImportedAdvisory imported, String source) {
        var a = imported.advisory();
        return new ImportedAdvisory(new io.stella.vulndb.model.Advisory(a.id(), a.aliases(), a.summary(),
                a.severity(), a.published(), a.modified(), a.withdrawn(), source, a.references()),
                imported.affected());
    }

    private static VulnDbException failed(Path path, String why, Throwable cause) {
        return new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED,
                "cannot import " + path + ": " + why,
                "give an OSV JSON file, a directory of them, or a zip like osv.dev's <Ecosystem>/all.zip",
                Map.of("path", path.toString()), cause);
    }
}
