package io.stella.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every registry-facing command takes. */
public final class CommonOptions {


    @Option(names = "--config", paramLabel = "FILE",
            description = "stella config file (default: $STELLA_HOME/config.yaml, STELLA_HOME=~/.stella)")
    Path config;

    @Option(names = "--auth-file", paramLabel = "FILE",
            description = "docker/podman credential file (or Kubernetes .dockerconfigjson secret) to use instead of the defaults")
    Path authFile;

    @Option(names = {"-u", "--username"}, paramLabel = "USER",
            description = "username for the registry of the image (only that registry)")
    String username;

    @Option(names = "--password-stdin", description = "read the password or token for --username from standard input")
    boolean passwordStdin;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "password on the command line (visible to other users; prefer --password-stdin)")
    String password;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA bundle to trust for the registry")
    Path caCert;

    @Option(names = "--insecure-skip-verify", description = "do not verify the registry's TLS certificate (last resort)")
    boolean insecureSkipVerify;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "platform to pick from a multi-arch image (default linux/amd64)")
    String platform;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "network timeout, e.g. 30s, 2m, 500ms (default 30s)")
    Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "print every request, challenge and token step (secrets redacted)")
    boolean verbose;

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
