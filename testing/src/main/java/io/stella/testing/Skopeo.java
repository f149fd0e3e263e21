package io.stella.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Pushes images into a {@link LocalRegistry} with {@code /usr/bin/skopeo}. Runs with {@code --insecure-policy} and
 * an empty temporary auth file, so the machine's policy and credentials never matter.
 */
public final class Skopeo {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Skopeo() {
    }

    /** Manifest formats skopeo can convert to on push ({@code --format}). */
    public enum Format {
        OCI("oci"), V2S2("v2s2"), V2S1("v2s1");

        private final String flag;

        Format(String flag) {
            this.flag = flag;
        }
    }

    /** Copies {@code source} (any skopeo transport, e.g. {@link #oci(Path)}) to {@code target/repoAndTag}. */
    public static void copy(String source, LocalRegistry target, String repoAndTag, PushAuth auth, boolean all) {
        copyTo(target, repoAndTag).from(source).auth(auth).all(all).run();
    }

    /** A copy with further options such as {@link Copy#format(Format)}. */
    public static Copy copyTo(LocalRegistry target, String repoAndTag) {
        return new Copy(target, repoAndTag);
    }

    /** {@code oci:DIR:latest}: an OCI layout written by {@link TestImages}. */
    public static String oci(Path layout) {
        return oci(layout, "latest");
    }

    public static String oci(Path layout, String refName) {
        return "oci:" + layout.toAbsolutePath() + ":" + refName;
    }

    /** {@code docker-archive:PATH}: an uncompressed docker-save tarball, see {@link TestImages#alpineArchive}. */
    public static String dockerArchive(Path tarball) {
        return "docker-archive:" + tarball.toAbsolutePath();
    }

    /** One {@code skopeo copy} invocation. */
    public static final class Copy {

        private final LocalRegistry target;
        private final String repoAndTag;
        private String source;
        private PushAuth auth = PushAuth.NONE;
        private boolean all;
        private Format format;

        private Copy(LocalRegistry target, String repoAndTag) {
            this.target = Objects.requireNonNull(target);
            this.repoAndTag = Objects.requireNonNull(repoAndTag);
        }

        public Copy from(String source) {
            this.source = source;
            return this;
        }

        public Copy auth(PushAuth auth) {
            this.auth = auth == null ? PushAuth.NONE : auth;
            return this;
        }

        /** {@code --all}: copy an index with every platform's manifest instead of just the host's. */
        public Copy all(boolean all) {
            this.all = all;
            return this;
        }

        /**
         * {@code --format}. {@link Format#V2S1} needs a registry built with {@code schema1Enabled(true)}; skopeo then
         * signs the schema1 manifest itself.
         */
        public Copy format(Format format) {
            this.format = format;
            return this;
        }

        public void run() {
            Objects.requireNonNull(source, "source");
            Path skopeo = Tools.require("skopeo");
            Path scratch = TempDirs.create("stella-skopeo-");
            try {
                Path authFile = Files.writeString(scratch.resolve("auth.json"), "{\"auths\":{}}");
                List<String> command = new ArrayList<>(List.of(skopeo.toString(), "--insecure-policy", "copy",
                        "--authfile", authFile.toString(), "--retry-times", "0"));
                if (target.tlsEnabled()) {
                    command.addAll(List.of("--dest-tls-verify=true", "--dest-cert-dir", target.caCertDir().toString()));
                } else {
                    command.add("--dest-tls-verify=false");
                }
                if (auth.present()) {
                    command.addAll(List.of("--dest-creds", auth.username() + ":" + auth.password()));
                }
                if (all) {
                    command.add("--all");
                }
                if (format != null) {
                    command.addAll(List.of("--format", format.flag));
                }
                command.add(source);
                command.add("docker://" + target.host() + "/" + repoAndTag);
                execute(command, scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                TempDirs.deleteQuietly(scratch);
            }
        }

        private void execute(List<String> command, Path scratch) throws IOException {
            Path output = scratch.resolve("output.txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("REGISTRY_AUTH_FILE", scratch.resolve("auth.json").toString());
            builder.environment().put("TMPDIR", scratch.toString());
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("skopeo copy timed out after " + TIMEOUT + ": " + describe()
                            + "\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running skopeo", e);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("skopeo copy failed (exit " + process.exitValue() + "): " + describe()
                        + "\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
        }

        private String describe() {
            return source + " -> " + target.host() + "/" + repoAndTag + " as " + auth
                    + (all ? " --all" : "") + (format != null ? " --format " + format.flag : "");
        }
    }
}
