package io.stella.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code stella} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in,
                System.getenv()));
    }

    /** Runs one command with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.io.InputStream in,
                          java.util.Map<String, String> env) {
        Context context = new Context(out, err, in, env);
        CommandLine cli = new CommandLine(new StellaCommand(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(new CommandRunLog(context));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("INVALID_USAGE: " + ex.getMessage());
            err.println("hint: run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
