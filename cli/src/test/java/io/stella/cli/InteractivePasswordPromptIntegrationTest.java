package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * update-credentials without a password option on a terminal: the password is prompted for without echo, checked
 * against the real registry and stored encrypted. The terminal is a pseudo-terminal made by util-linux {@code script}.
 */
class InteractivePasswordPromptIntegrationTest extends CliIntegrationTestBase {

    @Test
    void thePasswordIsPromptedWithoutEchoVerifiedAndStoredEncrypted() throws Exception {
        Cli cli = Cli.in(dir);
        Path config = cli.stellaHome().resolve("config.yaml");
        Files.writeString(config, "registries:\n  - name: basic\n    url: " + r.registry(Mode.BASIC).host() + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' io.stella.cli.Main "
                + "registry update-credentials basic --username alice";
        ProcessBuilder builder = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null"))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(cli.env());
        builder.environment().put("TERM", "dumb");
        Process process = builder.start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream out = process.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.toString(StandardCharsets.UTF_8).contains("Password for alice at basic: ")
                && System.nanoTime() < deadline) {
            int b = out.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("Password for alice at basic: ");
        try (OutputStream in = process.getOutputStream()) {
            in.write((Registries.BASIC_ALICE_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.transferTo(seen);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String transcript = seen.toString(StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(transcript).isZero();
        assertThat(transcript).as("typed without echo").doesNotContain(Registries.BASIC_ALICE_PASSWORD);
        assertThat(Files.readString(config)).contains("password_encrypted: ").doesNotContain(Registries.BASIC_ALICE_PASSWORD);
        CliResult show = cli.run("registry", "credentials", "show", "basic");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("alice").contains("****");
    }

    @Test
    void withoutATerminalItAsksForTheNonInteractiveWays() throws Exception {
        Cli cli = Cli.in(dir);
        Files.writeString(cli.stellaHome().resolve("config.yaml"),
                "registries:\n  - name: basic\n    url: " + r.registry(Mode.BASIC).host() + "\n");
        CliResult result = cli.run("registry", "update-credentials", "basic", "--username", "alice");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("standard input is not a terminal").contains("--password-stdin");
    }
}
