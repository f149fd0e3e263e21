package io.stella.cli;

import io.stella.cli.logging.LogEntry;
import io.stella.cli.logging.LogFiles;
import io.stella.cli.logging.LogLevel;
import io.stella.cli.logging.LogLineFormat;
import io.stella.cli.logging.LogQuery;
import io.stella.cli.logging.LogSetup;
import io.stella.cli.logging.LogTail;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Show stella's log ($STELLA_HOME/logs/stella.log and its rotated files, oldest first).",
                "--filter TEXT: every word of TEXT must occur (any case) in the level, the message or a field "
                        + "written as name=value (registry, code, hint, event, phase, …); e.g. --filter \"registry auth\" "
                        + "finds registry authentication failures.",
                "A line that is not a JSON object is shown as CORRUPT with its file and line number."})
final class ScannerLogsCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Context context;
    private final Clock clock = Clock.systemUTC();

    @Option(names = "--filter", paramLabel = "TEXT", description = "only entries containing every word of TEXT (any case)")
    String filter;

    @Option(names = "--level", paramLabel = "LEVEL", description = "only entries of LEVEL or more severe: TRACE, DEBUG, INFO, WARN, ERROR")
    String level;

    @Option(names = "--last", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "only entries of the last DURATION, e.g. 30m, 2h, 1d")
    Duration last;

    @Option(names = "--tail", paramLabel = "N", description = "only the last N matching entries")
    Integer tail;

    @Option(names = {"-F", "--follow"}, description = "keep printing entries as they are written (Ctrl-C stops)")
    boolean follow;

    // Lets tests (and scripts) follow for a bounded time; not part of the documented interface.
    @Option(names = "--follow-timeout", paramLabel = "DURATION", converter = DurationConverter.class, hidden = true)
    Duration followTimeout;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one readable line per entry, default) or json (the log's own JSON lines)")
    String format;

    ScannerLogsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            if (!"text".equals(format) && !"json".equals(format)) {
                throw usage("--format " + format + " is not text or json", "Use --format text or --format json.");
            }
            if (tail != null && tail < 0) {
                throw usage("--tail must be 0 or more", "e.g. --tail 50");
            }
            LogLevel minLevel = level == null ? null : LogLevel.parse(level).orElseThrow(() ->
                    usage("--level " + level + " is not a log level", "Use TRACE, DEBUG, INFO, WARN or ERROR."));
            Instant since = last == null ? null : clock.instant().minus(last);
            LogQuery query = LogQuery.of(filter, minLevel, since);
            Path dir = LogSetup.logDir(StellaConfigLoader.stellaHome(context.env()));
            if (!Files.isDirectory(dir)) {
                context.err().println("note: no logs yet: " + dir + " does not exist (stella writes its log there "
                        + "from the first command it runs with this STELLA_HOME)." + (follow ? " Waiting for it." : ""));
                context.err().flush();
                if (!follow) {
                    return ExitCodes.OK;
                }
            }
            LogTail current = new LogTail(dir.resolve(LogSetup.LOG_FILE));
            showExisting(dir, current, query);
            if (follow) {
                follow(current, query);
            }
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return new RegistryAccess(context, new CommonOptions(), false).fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }

    private void showExisting(Path dir, LogTail current, LogQuery query) throws IOException {
        Deque<String> shown = new ArrayDeque<>();
        if (Files.isDirectory(dir)) {
            for (Path file : LogFiles.inOrder(dir)) {
                boolean isCurrent = file.getFileName().toString().equals(LogSetup.LOG_FILE);
                List<String> lines = isCurrent ? current.readNew() : LogTail.allLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String text = render(lines.get(i), query, file.getFileName() + " line " + (i + 1));
                    if (text != null) {
                        shown.addLast(text);
                        if (tail != null && shown.size() > tail) {
                            shown.removeFirst();
                        }
                    }
                }
            }
        }
        shown.forEach(context.out()::println);
        context.out().flush();
    }

    private void follow(LogTail current, LogQuery query) throws IOException {
        Instant stop = followTimeout == null ? Instant.MAX : clock.instant().plus(followTimeout);
        long appended = 0;
        while (clock.instant().isBefore(stop)) {
            for (String line : current.readNew()) {
                appended++;
                String text = render(line, query, LogSetup.LOG_FILE + " appended line " + appended);
                if (text != null) {
                    context.out().println(text);
                }
            }
            context.out().flush();
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The line as shown, or null when it does not match. Corrupt lines go to stderr in json format. */
    private String render(String line, LogQuery query, String where) {
        LogEntry entry = LogEntry.parse(line);
        if (!query.matches(entry)) {
            return null;
        }
        if ("json".equals(format)) {
            if (entry.corrupt()) {
                context.err().println(LogLineFormat.text(entry, where));
                return null;
            }
            return line;
        }
        return LogLineFormat.text(entry, where);
    }

    private static RegistryException usage(String message, String hint) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, message).hint(hint).build();
    }
}
