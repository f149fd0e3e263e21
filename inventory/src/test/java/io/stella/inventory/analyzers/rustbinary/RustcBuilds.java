package io.stella.inventory.analyzers.rustbinary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * Builds real Rust executables with rustc. An audited one carries a {@code .dep-v0} section the way
 * cargo-auditable's predecessor, the {@code auditable} crate, put it there: a {@code #[used]} static byte
 * array with {@code #[link_section = ".dep-v0"]} holding zlib-compressed JSON. (cargo-auditable itself
 * links an object file whose {@code .dep-v0} section is not allocated; readers find both by section name.)
 * Without rustc the tests fail with the reason, they are not skipped.
 */
final class RustcBuilds {
    private RustcBuilds() {}

    static Path rustc() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "rustc"))) {
                return Path.of(dir, "rustc");
            }
        }
        Path cargoHome = Path.of(System.getenv().getOrDefault("CARGO_HOME",
                System.getProperty("user.home") + "/.cargo"), "bin", "rustc");
        if (Files.isExecutable(cargoHome)) {
            return cargoHome;
        }
        throw new AssertionError("rustc was found neither on PATH nor in " + cargoHome.getParent()
                + ": the Rust binary tests compile a real executable; install Rust (rustup, or apt-get install rustc)");
    }

    /** zlib, as cargo-auditable compresses (miniz_oxide's compress_to_vec_zlib). */
    static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** An executable whose {@code .dep-v0} section holds exactly {@code section}. */
    static Path audited(Path dir, String name, byte[] section) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder(section.length * 5);
        for (byte b : section) {
            array.append(b & 0xff).append(',');
        }
        return build(dir, name, """
                #[used]
                #[link_section = ".dep-v0"]
                static AUDITABLE_VERSION_INFO: [u8; %d] = [%s];

                fn main() {
                    println!("audited");
                }
                """.formatted(section.length, array));
    }

    /** An executable without audit data. */
    static Path plain(Path dir, String name) throws IOException, InterruptedException {
        return build(dir, name, """
                fn main() {
                    println!("plain");
                }
                """);
    }

    private static Path build(Path dir, String name, String source) throws IOException, InterruptedException {
        Path rs = dir.resolve(name + ".rs");
        Path binary = dir.resolve(name);
        Files.writeString(rs, source, StandardCharsets.UTF_8);
        Path log = dir.resolve(name + ".log");
        Process rustc = new ProcessBuilder(List.of(rustc().toString(), "--edition", "2021", "-C", "opt-level=0",
                "-o", binary.toString(), rs.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!rustc.waitFor(3, TimeUnit.MINUTES)) {
            rustc.destroyForcibly();
            throw new AssertionError("rustc did not finish within 3 minutes for " + rs);
        }
        if (rustc.exitValue() != 0) {
            throw new AssertionError("rustc failed for " + rs + ":\n" + Files.readString(log));
        }
        return binary;
    }
}
