package io.stella.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shared registries of the CLI tests, started once for the whole run, and a temp dir per test. */
@Tag("integration")
@ExtendWith(Registries.Shared.class)
abstract class CliIntegrationTestBase {

    static Registries r;
    @TempDir
    Path dir;

    @BeforeAll
    static void registries() {
        r = Registries.get();
    }
}
