package io.stella.cli.logging;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which log entries {@code stella scanner logs} shows.
 *
 * <ul>
 * <li>{@code filter}: split at whitespace into words; every word must occur, ignoring case, in the entry's searchable
 * text: the level, the message and every field as {@code name=value} (registry, code, hint, event, phase, …; not
 * timestamp, logger or thread). So {@code "registry auth"} finds an auth failure: it has a registry field and an
 * {@code AUTH_*} code.</li>
 * <li>{@code minLevel}: that level or a more severe one.</li>
 * <li>{@code since}: at or after that instant.</li>
 * </ul>
 * A corrupt line has no level or time: only the filter applies to it, on its raw text.
 */
public record LogQuery(List<String> words, Optional<LogLevel> minLevel, Optional<Instant> since) {
    private static final Set<String> NOT_SEARCHED = Set.of("timestamp", "logger", "thread", "message", "level");

    public LogQuery {
        words = List.copyOf(words);
    }

    public static LogQuery of(String filter, LogLevel minLevel, Instant since) {
        List<String> words = filter == null || filter.isBlank() ? List.of()
                : Arrays.stream(filter.strip().toLowerCase(Locale.ROOT).split("\\s+")).toList();
        return new LogQuery(words, Optional.ofNullable(minLevel), Optional.ofNullable(since));
    }

    public boolean matches(LogEntry entry) {
        if (entry.corrupt()) {
            return containsAllWords(entry.raw());
        }
        if (minLevel.isPresent()) {
            Optional<LogLevel> level = LogLevel.parse(entry.level());
            if (level.isEmpty() || level.get().compareTo(minLevel.get()) < 0) {
                return false;
            }
        }
        if (since.isPresent() && (entry.timestamp().isEmpty() || entry.timestamp().get().isBefore(since.get()))) {
            return false;
        }
        return containsAllWords(searchable(entry));
    }

    private boolean containsAllWords(String text) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(haystack::contains);
    }

    private static String searchable(LogEntry entry) {
        StringBuilder text = new StringBuilder(entry.level()).append(' ').append(entry.message());
        for (Map.Entry<String, String> field : entry.fields().entrySet()) {
            if (!NOT_SEARCHED.contains(field.getKey())) {
                text.append(' ').append(field.getKey()).append('=').append(field.getValue());
            }
        }
        return text.toString();
    }
}
