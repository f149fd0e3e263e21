package io.stella.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal (Linux: where {@code /proc/self/fd/N} points). Java 21 has no
 * {@code Console.isTerminal()}, and from Java 22 on {@code System.console()} is there even when redirected.
 */
final class Terminals {
    static final int STDIN = 0;
    static final int STDERR = 2;

    private Terminals() {
    }

    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
