package io.stella.scan.filter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An ignore file in Trivy's {@code .trivyignore} format: one vulnerability id per line, optionally followed
 * by {@code exp:YYYY-MM-DD}; blank lines and lines starting with {@code #} are skipped, as is anything after
 * a {@code #} that follows white space.
 *
 * @param origin the file as the user named it
 */
public record IgnoreFile(String origin, List<IgnoreEntry> entries) {
    public IgnoreFile {
        entries = List.copyOf(entries);
    }

    public static IgnoreFile read(Path file) throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ReportInputException(file.toString(), "not UTF-8 text", e);
        }
        return parse(file.toString(), content);
    }

    public static IgnoreFile parse(String origin, String content) throws ReportInputException {
        List<IgnoreEntry> entries = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].replaceFirst("\\s+#.*$", "").strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            LocalDate expires = null;
            for (int f = 1; f < fields.length; f++) {
                if (!fields[f].startsWith("exp:")) {
                    throw new ReportInputException(origin, "line " + (i + 1),
                            "unexpected '" + fields[f] + "' after the id (only exp:YYYY-MM-DD may follow it)");
                }
                try {
                    expires = LocalDate.parse(fields[f].substring(4));
                } catch (DateTimeParseException e) {
                    throw new ReportInputException(origin, "line " + (i + 1),
                            "expiry date '" + fields[f].substring(4) + "' is not YYYY-MM-DD");
                }
            }
            if (fields[0].startsWith("exp:")) {
                throw new ReportInputException(origin, "line " + (i + 1), "expiry date without a vulnerability id");
            }
            entries.add(new IgnoreEntry(fields[0], expires, i + 1));
        }
        return new IgnoreFile(origin, entries);
    }
}
