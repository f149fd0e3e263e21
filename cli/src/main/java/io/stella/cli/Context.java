package io.stella.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** What a command may touch of the outside world: its streams and environment. */
public record Context(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
}
