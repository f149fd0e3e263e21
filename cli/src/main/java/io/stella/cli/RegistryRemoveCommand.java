package io.stella.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.failure.RegistryException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a registry (and its stored credentials) from the config.")
final class RegistryRemoveCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigFileOption file;

    @Parameters(index = "0", paramLabel = "NAME", description = "the registry's name in the config")
    String name;

    RegistryRemoveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            ConfigFile config = ConfigFile.of(context, file.config);
            ObjectNode root = config.readTree();
            ArrayNode registries = ConfigFile.registries(root);
            for (int i = 0; i < registries.size(); i++) {
                JsonNode node = registries.get(i);
                if (node instanceof ObjectNode entry && name.equals(ConfigFile.entryName(entry))) {
                    registries.remove(i);
                    config.write(context, root);
                    context.out().println("Removed registry " + name + " from " + config.path());
                    return ExitCodes.OK;
                }
            }
            throw RegistryNames.notConfigured(config.load(), name);
        } catch (RegistryException e) {
            return new RegistryAccess(context, new CommonOptions(), false).fail(e);
        }
    }
}
