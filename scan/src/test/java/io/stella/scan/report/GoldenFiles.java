package io.stella.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden reports under {@code src/test/resources/report/}: JSON compared as trees (key order and white space
 * do not matter), text compared exactly. Regenerate after an intended change with
 * {@code -Dstella.updateGolden=true}, review the diff, and commit.
 */
final class GoldenFiles {
    static final Path DIRECTORY = Path.of("src", "test", "resources", "report");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {}

    static Path path(String name) {
        return DIRECTORY.resolve(name);
    }

    static void assertJsonMatches(String name, byte[] actual) throws IOException {
        Path golden = update(name, actual);
        assertThat(JSON.readTree(actual)).as("output against %s", golden).isEqualTo(JSON.readTree(golden.toFile()));
    }

    static void assertTextMatches(String name, byte[] actual) throws IOException {
        Path golden = update(name, actual);
        assertThat(new String(actual, StandardCharsets.UTF_8)).as("output against %s", golden)
                .isEqualTo(Files.readString(golden));
    }

    private static Path update(String name, byte[] actual) throws IOException {
        Path golden = path(name);
        if (Boolean.getBoolean("stella.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dstella.updateGolden=true)", golden).exists();
        return golden;
    }
}
