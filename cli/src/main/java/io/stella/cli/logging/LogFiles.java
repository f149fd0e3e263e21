package io.stella.cli.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The log files of a log directory, oldest first: rotated {@code stella.DATE.N.log} by date and N, then {@code stella.log}. */
public final class LogFiles {
    private static final Pattern ROTATED = Pattern.compile("stella\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log");

    private LogFiles() {
    }

    public static List<Path> inOrder(Path dir) throws IOException {
        List<Rotated> rotated = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = ROTATED.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    rotated.add(new Rotated(file, m.group(1), Long.parseLong(m.group(2))));
                }
            });
        }
        List<Path> ordered = new ArrayList<>(rotated.stream()
                .sorted(Comparator.comparing(Rotated::date).thenComparingLong(Rotated::index))
                .map(Rotated::file).toList());
        Path current = dir.resolve(LogSetup.LOG_FILE);
        if (Files.isRegularFile(current)) {
            ordered.add(current);
        }
        return ordered;
    }

    private record Rotated(Path file, String date, long index) {
    }
}
