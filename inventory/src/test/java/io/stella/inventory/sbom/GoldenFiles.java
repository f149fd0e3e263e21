package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden SBOM files under {@code src/test/resources/sbom/}, compared as JSON trees (key order and
 * whitespace do not matter, values and array order do).
 *
 * <p>To regenerate them after an intended change of output, run
 * {@code mvn -pl inventory test -Dtest='*WriterTest' -Dstella.updateGolden=true}, review the diff, and
 * commit the files (Surefire forwards {@code -D} properties to the tests' JVM).
 */
final class GoldenFiles {
    static final Path DIRECTORY = Path.of("src", "test", "resources", "sbom");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {}

    static Path path(String name) {
        return DIRECTORY.resolve(name);
    }

    static void assertMatches(String name, byte[] actual) throws IOException {
        Path golden = path(name);
        if (Boolean.getBoolean("stella.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dstella.updateGolden=true)", golden).exists();
        JsonNode expected = JSON.readTree(golden.toFile());
        assertThat(JSON.readTree(actual)).as("output against %s", golden).isEqualTo(expected);
    }
}
