package io.stella.cli;

import io.stella.cli.logging.EventLog;
import io.stella.cli.logging.LogSetup;
import io.stella.registry.config.StellaConfigLoader;
import org.slf4j.event.Level;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the parsed command with the log file of this run's STELLA_HOME attached, and logs its start and end (exit code,
 * duration). Only the command's name is logged, never its arguments (they may hold a --password).
 */
final class CommandRunLog implements CommandLine.IExecutionStrategy {
    private final Context context;
    private final CommandLine.IExecutionStrategy delegate = new CommandLine.RunLast();

    CommandRunLog(Context context) {
        this.context = context;
    }

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (last.isUsageHelpRequested() || last.isVersionHelpRequested()) {
            return delegate.execute(parseResult);
        }
        if (last.commandSpec().userObject() instanceof ScannerLogsCommand) {
            // reading the logs writes none: a --follow would otherwise show its own start line
            LogSetup.detach();
            return delegate.execute(parseResult);
        }
        LogSetup.configure(StellaConfigLoader.stellaHome(context.env()));
        String command = last.commandSpec().qualifiedName();
        long start = System.nanoTime();
        EventLog.info("cli", "CommandStarted", command + " started", "command", command);
        try {
            int exit = delegate.execute(parseResult);
            long millis = (System.nanoTime() - start) / 1_000_000;
            EventLog.log(exit == ExitCodes.OK ? Level.INFO : Level.WARN, "cli", "CommandFinished",
                    command + " finished with exit code " + exit + " in " + millis + " ms",
                    "command", command, "exit_code", exit, "duration_ms", millis);
            return exit;
        } catch (RuntimeException e) {
            EventLog.error("cli", "CommandCrashed", command + " crashed: " + e.getClass().getName(),
                    "command", command, "duration_ms", (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }
}
