package io.stella.vulndb.secdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stella.vulndb.ParsedSource;
import io.stella.vulndb.Sha256;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.secdb.wire.SecdbFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads Alpine secdb YAML: one file, or a directory of them (recursively, {@code *.yaml} / {@code *.yml}).
 * Files are grouped by {@code distroversion} and {@code reponame}; each repository of a release is one source
 * ({@code alpine-secdb:v3.10/main}).
 */
public final class SecdbReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SecdbConverter converter = new SecdbConverter();

    public static boolean isSecdbFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public List<ParsedSource> readFile(Path file) {
        SecdbFile parsed = parse(file);
        try {
            return List.of(converter.convert(parsed.distroversion(),
                    List.of(new SecdbConverter.LocatedFile(file.toString(), parsed)), file.toString(), Sha256.of(file)));
        } catch (IOException e) {
            throw failed(file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public List<ParsedSource> readDirectory(Path directory) {
        Map<String, List<SecdbConverter.LocatedFile>> byRelease = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p) && isSecdbFile(p)).sorted().toList()) {
                SecdbFile parsed = parse(file);
                byRelease.computeIfAbsent(SecdbConverter.sourceName(parsed.distroversion(), parsed.reponame()),
                                k -> new ArrayList<>())
                        .add(new SecdbConverter.LocatedFile(file.toString(), parsed));
            }
        } catch (IOException e) {
            throw failed(directory, "the directory cannot be read (" + e.getMessage() + ")", e);
        }
        List<ParsedSource> sources = new ArrayList<>();
        byRelease.forEach((source, files) -> sources.add(converter.convert(files.getFirst().file().distroversion(),
                files, directory.toString(), null)));
        return sources;
    }

    private static SecdbFile parse(Path file) {
        SecdbFile parsed;
        try {
            parsed = YAML.readValue(file.toFile(), SecdbFile.class);
        } catch (IOException e) {
            throw failed(file, "it is not a readable secdb YAML file (" + e.getMessage() + ")", e);
        }
        if (parsed == null || parsed.distroversion() == null || !parsed.distroversion().matches("v\\d+\\.\\d+|edge")) {
            throw failed(file, "it has no distroversion (vX.Y) at the top", null);
        }
        return parsed;
    }

    private static VulnDbException failed(Path path, String why, Throwable cause) {
        return new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot import " + path + ": " + why,
                "give an Alpine secdb file (vX.Y/main.yaml from secdb.alpinelinux.org) or a directory of them",
                Map.of("path", path.toString()), cause);
    }
}
