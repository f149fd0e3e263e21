package io.stella.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE} of the commands that edit the config. */
public final class ConfigFileOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "stella config file to edit (default: $STELLA_HOME/config.yaml, STELLA_HOME=~/.stella)")
    Path config;
}
