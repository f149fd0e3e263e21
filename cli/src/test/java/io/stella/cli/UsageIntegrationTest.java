package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command tree itself: help, version, group commands run without a subcommand. No registry needed. */
@Tag("integration")
class UsageIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void groupCommandsWithoutASubcommandAreUsageErrors() {
        for (String[] args : new String[][] {{}, {"scan"}, {"registry"}, {"db"}}) {
            CliResult result = Cli.in(dir).run(args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).startsWith("INVALID_USAGE: '").contains("needs a subcommand").contains("Usage:");
        }
    }

    @Test
    void helpAndVersionExitZero() {
        CliResult help = Cli.in(dir).run("scan", "image", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--dry-run").contains("--password-stdin").contains("--ca-cert")
                .contains("--platform").contains("--format");

        CliResult version = Cli.in(dir).run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("stella ");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliResult result = Cli.in(dir).run("scan", "repository");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("INVALID_USAGE: ");
    }
}
