package io.stella.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real CLI in-process ({@link Main#run}) with captured streams and a controlled environment: HOME and
 * STELLA_HOME in a temporary directory and PATH from the real environment, so the machine's own docker, podman and
 * stella configuration is never read. Every run is checked for leaked secrets ({@link Secrets#assertNoneIn}).
 */
final class Cli {

    private final Map<String, String> env;
    private final Path home;

    private Cli(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** A fresh environment rooted in {@code dir}: {@code dir/home} as HOME, {@code dir/stella} as STELLA_HOME. */
    static Cli in(Path dir) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path stellaHome = Files.createDirectories(dir.resolve("stella"));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("HOME", home.toString());
            env.put("STELLA_HOME", stellaHome.toString());
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            return new Cli(home, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path home() {
        return home;
    }

    Path stellaHome() {
        return Path.of(env.get("STELLA_HOME"));
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** A copy with one more (or a replaced) environment variable. */
    Cli withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, value);
        return new Cli(home, copy);
    }

    /** A copy whose PATH starts with {@code dir}. */
    Cli withPathPrefix(Path dir) {
        return withEnv("PATH", dir + ":" + env.get("PATH"));
    }

    CliResult run(String... args) {
        return runWithStdin("", args);
    }

    CliResult runWithStdin(String stdin, String... args) {
        return runWithStdin(stdin, List.of(args));
    }

    CliResult runWithStdin(String stdin, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            exit = Main.run(args.toArray(String[]::new), outWriter, errWriter,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(env));
        }
        CliResult result = new CliResult(List.copyOf(args), exit, out.toString(), err.toString());
        Secrets.assertNoneIn(result);
        return result;
    }
}
