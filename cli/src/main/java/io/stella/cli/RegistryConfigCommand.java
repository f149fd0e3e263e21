package io.stella.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code registry config set|get NAME.KEY}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Set or show one setting of a configured registry.",
        subcommands = {RegistryConfigCommand.Set.class, RegistryConfigCommand.Get.class})
final class RegistryConfigCommand extends GroupCommand {

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set NAME.KEY to VALUE, e.g. harbor-prod.refresh_interval 11h.",
                    "Keys: url, type, auto_refresh, refresh_interval, timeout, tls.ca_cert, tls.insecure_skip_verify, "
                            + "credentials.username, credentials.password_env, credentials.password_file, credentials.token_env, cloud.<setting of the type's credential provider>."})
    static final class Set implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigFileOption file;

        @Parameters(index = "0", paramLabel = "NAME.KEY")
        String target;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        Set(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try {
                RegistrySettings.Target t = RegistrySettings.parse(target);
                ConfigFile config = ConfigFile.of(context, file.config);
                ObjectNode root = config.readTree();
                ObjectNode entry = entry(config, root, t);
                RegistrySettings.set(entry, t.key(), value);
                config.write(context, root);
                context.out().println(t.registry() + "." + t.key() + " = " + RegistrySettings.get(entry, t.key()).orElse(""));
                return ExitCodes.OK;
            } catch (RegistryException e) {
                return new RegistryAccess(context, new CommonOptions(), false).fail(e);
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print NAME.KEY (nothing, and exit 1, when it is not set).")
    static final class Get implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigFileOption file;

        @Parameters(index = "0", paramLabel = "NAME.KEY")
        String target;

        Get(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try {
                RegistrySettings.Target t = RegistrySettings.parse(target);
                ConfigFile config = ConfigFile.of(context, file.config);
                ObjectNode root = config.readTree();
                ObjectNode entry = entry(config, root, t);
                Optional<String> value = RegistrySettings.get(entry, t.key());
                if (value.isEmpty()) {
                    context.err().println(t.registry() + "." + t.key() + " is not set (the default applies)");
                    return ExitCodes.FAILURE;
                }
                context.out().println(value.get());
                return ExitCodes.OK;
            } catch (RegistryException e) {
                return new RegistryAccess(context, new CommonOptions(), false).fail(e);
            }
        }
    }

    /** The registry's entry in the file's tree, or the not-configured failure naming the configured ones. */
    private static ObjectNode entry(ConfigFile config, ObjectNode root, RegistrySettings.Target target) {
        return ConfigFile.entry(root, target.registry())
                .orElseThrow(() -> RegistryNames.notConfigured(config.load(), target.registry()));
    }
}
