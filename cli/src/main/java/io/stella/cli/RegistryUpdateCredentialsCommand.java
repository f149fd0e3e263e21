package io.stella.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.MasterKey;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.SecretCipher;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update-credentials", mixinStandardHelpOptions = true,
        description = {"Replace a registry's credentials: checked against the registry first (unless --no-verify), "
                + "then stored encrypted in the config. The secret is never printed.",
                "--from-env reads STELLA_REGISTRY_<NAME>_USERNAME and STELLA_REGISTRY_<NAME>_PASSWORD "
                        + "(NAME upper-cased, other characters than letters and digits as _)."})
final class RegistryUpdateCredentialsCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigFileOption file;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = {"-u", "--username"}, paramLabel = "USER")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "lands in shell history; prefer --password-stdin")
    String password;

    @Option(names = "--password-stdin", description = "read the password or token from standard input")
    boolean passwordStdin;

    @Option(names = "--from-env", description = "read STELLA_REGISTRY_<NAME>_USERNAME / _PASSWORD")
    boolean fromEnv;

    @Option(names = "--no-verify", description = "save without checking the credentials against the registry")
    boolean noVerify;

    RegistryUpdateCredentialsCommand(Context context) {
        this.context = context;
    }

    /** {@code STELLA_REGISTRY_<NAME>_<suffix>}. */
    static String envName(String registryName, String suffix) {
        return "STELLA_REGISTRY_" + registryName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + suffix;
    }

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions();
        options.config = file.config;
        RegistryAccess access = new RegistryAccess(context, options, false);
        try {
            ConfigFile configFile = ConfigFile.of(context, file.config);
            StellaConfig config = configFile.load();
            RegistryConfig registry = RegistryNames.require(config, name);
            String user;
            Secret secret;
            if (fromEnv) {
                if (username != null || password != null || passwordStdin) {
                    throw SecretInput.usage("--from-env reads the user name and password from the environment; "
                            + "leave out --username, --password and --password-stdin");
                }
                user = fromEnvironment(envName(name, "USERNAME"));
                secret = Secret.of(fromEnvironment(envName(name, "PASSWORD")));
            } else {
                if (username == null) {
                    throw SecretInput.usage("give --username with --password-stdin (or --password), or --from-env");
                }
                user = username;
                if (password == null && !passwordStdin) {
                    secret = SecretInput.prompt(context, "Password for " + user + " at " + registry.name() + ": ");
                } else {
                    secret = SecretInput.read(context, password, "--password", passwordStdin);
                }
            }
            if (!noVerify) {
                ResolvedCredential candidate = new ResolvedCredential(new Credential.UsernamePassword(user, secret),
                        new CredentialOrigin("update-credentials", fromEnv ? "--from-env" : "--username"));
                RegistryProbe.Outcome outcome = RegistryProbe.check(access, config, registry, Optional.of(candidate));
                if (outcome.failure().isPresent()) {
                    RegistryException e = outcome.failure().get();
                    throw e.toBuilder().hint(e.hint() + " Nothing was saved; the previous credentials of " + name
                            + " are unchanged.").build();
                }
                context.out().println("Verified against " + registry.hostKey() + " (" + outcome.authMethod().orElse("?") + ").");
            }
            ObjectNode root = configFile.readTree();
            ObjectNode entry = ConfigFile.entry(root, name).orElseThrow();
            ObjectNode credentials = ConfigFile.section(entry, "credentials");
            credentials.remove(List.of("password_env", "password_file", "token_env", "password_encrypted"));
            credentials.put("username", user);
            MasterKey key = MasterKey.findOrCreate(context.env());
            credentials.put("password_encrypted", new SecretCipher(key).encrypt(secret));
            configFile.write(context, root);
            context.out().println("Saved credentials of " + name + " for user " + user + " (password encrypted, key: "
                    + key.origin() + ") in " + configFile.path() + (noVerify ? "; not verified (--no-verify)" : ""));
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return access.fail(e);
        }
    }

    private String fromEnvironment(String variable) {
        String value = context.env().get(variable);
        if (value == null || value.isBlank()) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--from-env: " + variable + " is "
                            + (value == null ? "not set" : "empty"))
                    .hint("Export " + envName(name, "USERNAME") + " and " + envName(name, "PASSWORD") + ".")
                    .evidence("env_var", variable)
                    .build();
        }
        return value.strip();
    }
}
