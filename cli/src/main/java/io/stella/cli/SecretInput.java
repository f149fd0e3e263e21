package io.stella.cli;

import io.stella.registry.Secret;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A secret given to a command that stores it: from standard input, or (with a warning) from the command line. */
final class SecretInput {
    private SecretInput() {
    }

    static Secret read(Context context, String commandLineValue, String flag, boolean stdin) {
        if (stdin && commandLineValue != null) {
            throw usage("give either " + flag + " or --password-stdin, not both");
        }
        if (stdin) {
            try {
                String value = new String(context.in().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    throw usage("--password-stdin read nothing from standard input");
                }
                return Secret.of(value);
            } catch (IOException e) {
                throw usage("cannot read the password from standard input");
            }
        }
        context.err().println("warning: " + flag + " puts the secret in shell history and process listings; "
                + "use --password-stdin.");
        return Secret.of(commandLineValue);
    }

    /**
     * Asks for the secret on the terminal, without echo. Without a terminal (scripts, CI) it is a usage error
     * naming the non-interactive ways.
     */
    static Secret prompt(Context context, String prompt) {
        java.io.Console console = System.console();
        if (console == null || !Terminals.isTerminal(Terminals.STDIN)) {
            throw usage("--username needs --password-stdin (or --password) when standard input is not a terminal");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null || typed.length == 0) {
            throw usage("no password was typed");
        }
        String value = new String(typed).strip();
        java.util.Arrays.fill(typed, '\0');
        return Secret.of(value);
    }

    static RegistryException usage(String message) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, message)
                .hint("e.g. echo \"$TOKEN\" | stella registry update-credentials NAME --username USER --password-stdin")
                .build();
    }
}
