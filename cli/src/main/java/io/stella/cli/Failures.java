package io.stella.cli;

import java.io.IOException;

/** Failures outside the taxonomy: I/O on local files the user named. */
final class Failures {
    private Failures() {
    }

    static int io(Context context, IOException e) {
        context.err().println("error: " + e.getMessage());
        context.err().flush();
        return ExitCodes.FAILURE;
    }
}
