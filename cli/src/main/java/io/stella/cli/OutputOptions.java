package io.stella.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json} of commands that print results. */
public final class OutputOptions {
    public enum Format { table, json }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "output format: ${COMPLETION-CANDIDATES}")
    Format format = Format.table;

    public boolean json() {
        return format == Format.json;
    }
}
