package io.stella.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.Secret;
import io.stella.registry.config.MasterKey;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.SecretCipher;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "configure", mixinStandardHelpOptions = true,
        description = {"Add a registry to the config, or change one: only the options given are changed.",
                "Names docker-hub, ghcr, quay, gcr, harbor, ecr, acr, gar imply the type (and the url where there is one).",
                "Secrets given here are stored encrypted (AES-GCM, key from STELLA_MASTER_KEY or $STELLA_HOME/master.key); "
                        + "--password-env/--password-file store a reference instead."})
final class RegistryConfigureCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigFileOption file;

    @Parameters(index = "0", paramLabel = "NAME", description = "the registry's name in the config")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "registry url, e.g. https://harbor.example.com")
    String url;

    @Option(names = "--type", paramLabel = "TYPE", description = "generic, dockerhub, harbor, quay, nexus, artifactory, acr, ecr, gar, gcr, icr, ghcr")
    String type;

    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "user name")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "password (lands in shell history; prefer --password-stdin)")
    String password;

    @Option(names = "--access-token", paramLabel = "TOKEN", description = "access token used as the password (Docker Hub, GitHub)")
    String accessToken;

    @Option(names = "--password-stdin", description = "read the password or access token from standard input")
    boolean passwordStdin;

    @Option(names = "--password-env", paramLabel = "VAR", description = "store a reference: the password is read from this environment variable")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "store a reference: the password is read from this file")
    Path passwordFile;

    @Option(names = "--token-env", paramLabel = "VAR", description = "store a reference: a registry bearer token in this environment variable")
    String tokenEnv;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA bundle to trust for the registry")
    Path caCert;

    @Option(names = "--insecure-skip-verify", arity = "0..1", paramLabel = "true|false",
            description = "do not verify the registry's TLS certificate (last resort); =false turns it back on")
    Boolean insecureSkipVerify;

    @Option(names = "--region", paramLabel = "REGION", description = "cloud region (ecr, acr, gar)")
    String region;

    @Option(names = "--project", paramLabel = "PROJECT", description = "cloud project (gcr, gar)")
    String project;

    @Option(names = "--account-id", paramLabel = "ID", description = "AWS account id (ecr): with --region, gives the url")
    String accountId;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "IAM role to assume for ECR (cloud.role_arn)")
    String roleArn;

    @Option(names = "--workload-identity-provider", paramLabel = "PROVIDER",
            description = "workload identity federation provider for GCR/GAR (cloud.workload_identity_provider)")
    String workloadIdentityProvider;

    @Option(names = "--cloud", paramLabel = "KEY=VALUE",
            description = "any setting of the type's credential provider, e.g. tenant_id=…, external_id=…, "
                    + "allow_list_regions=eu-west-1,us-east-1 (a comma makes a list; an empty value removes it)")
    List<String> cloudSettings = new ArrayList<>();

    RegistryConfigureCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            ConfigFile config = ConfigFile.of(context, file.config);
            ObjectNode root = config.readTree();
            Optional<ObjectNode> existing = ConfigFile.entry(root, name);
            ObjectNode entry = existing.orElseGet(() -> ConfigFile.registries(root).addObject().put("name", name));
            Optional<RegistryPreset> preset = RegistryPreset.forName(name);
            RegistryType registryType = type != null ? parseType(type) : preset.map(RegistryPreset::type).orElse(null);
            String registryUrl = url != null ? url : existing.isPresent() ? null : defaultUrl(preset, registryType);
            if (registryUrl != null) {
                entry.put("url", registryUrl);
            }
            if (!entry.hasNonNull("url")) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "registry '" + name + "' needs a url")
                        .hint("Add --url, e.g. stella registry configure " + name + " --url https://registry.example.com")
                        .evidence("key", "url").build();
            }
            if (registryType != null) {
                entry.put("type", registryType.configName());
            }
            List<String> notes = new ArrayList<>();
            boolean encrypted = setCredentials(entry);
            setTls(entry);
            setCloud(entry, registryType != null ? registryType : typeOf(entry), notes);
            config.write(context, root);
            context.out().println((existing.isPresent() ? "Updated" : "Added") + " registry " + name + " ("
                    + entry.path("url").asText() + ", type " + entry.path("type").asText("generic") + ") in " + config.path());
            if (encrypted) {
                context.out().println("The password is stored encrypted (key: "
                        + MasterKey.findOrCreate(context.env()).origin() + ").");
            }
            notes.forEach(context.out()::println);
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return new RegistryAccess(context, new CommonOptions(), false).fail(e);
        }
    }

    private boolean setCredentials(ObjectNode entry) {
        String secretFlag = password != null ? "--password" : accessToken != null ? "--access-token" : null;
        if (password != null && accessToken != null) {
            throw SecretInput.usage("give either --password or --access-token, not both");
        }
        int references = (passwordEnv != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (tokenEnv != null ? 1 : 0);
        boolean secretGiven = secretFlag != null || passwordStdin;
        if (references + (secretGiven ? 1 : 0) > 1) {
            throw SecretInput.usage("give one of --password/--access-token/--password-stdin, --password-env, "
                    + "--password-file and --token-env");
        }
        if (username == null && references + (secretGiven ? 1 : 0) == 0) {
            return false;
        }
        ObjectNode credentials = ConfigFile.section(entry, "credentials");
        if (username != null) {
            credentials.put("username", username);
        }
        if (references + (secretGiven ? 1 : 0) == 0) {
            return false;
        }
        credentials.remove(List.of("password_env", "password_file", "password_encrypted", "token_env"));
        if (tokenEnv != null) {
            credentials.remove("username");
            credentials.put("token_env", tokenEnv);
        } else if (passwordEnv != null) {
            credentials.put("password_env", passwordEnv);
        } else if (passwordFile != null) {
            credentials.put("password_file", passwordFile.toString());
        } else {
            Secret secret = SecretInput.read(context, password != null ? password : accessToken,
                    secretFlag == null ? "--password" : secretFlag, passwordStdin);
            credentials.put("password_encrypted", new SecretCipher(MasterKey.findOrCreate(context.env())).encrypt(secret));
            return true;
        }
        return false;
    }

    private void setTls(ObjectNode entry) {
        if (caCert == null && insecureSkipVerify == null) {
            return;
        }
        ObjectNode tls = ConfigFile.section(entry, "tls");
        if (caCert != null) {
            tls.put("ca_cert", caCert.toAbsolutePath().toString());
        }
        if (insecureSkipVerify != null) {
            tls.put("insecure_skip_verify", insecureSkipVerify);
            if (insecureSkipVerify) {
                context.err().println("warning: TLS verification is off for " + name + "; the connection can be intercepted.");
            }
        }
    }

    /**
     * Writes the cloud flags (and {@code --cloud KEY=VALUE}) into the entry's {@code cloud:} section, checked
     * against the type's credential provider when this build has it.
     */
    private void setCloud(ObjectNode entry, RegistryType registryType, List<String> notes) {
        boolean madeUrl = registryType == RegistryType.ECR && accountId != null && region != null && url == null;
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (region != null && !madeUrl) {
            settings.put(registryType == RegistryType.GAR ? "location" : "region", region);
        } else if (region != null && registryType == RegistryType.ECR) {
            settings.put("region", region);
        }
        if (project != null) {
            settings.put("project", project);
        }
        if (roleArn != null) {
            settings.put("role_arn", roleArn);
        }
        if (workloadIdentityProvider != null) {
            settings.put("workload_identity_provider", workloadIdentityProvider);
        }
        if (accountId != null && !madeUrl) {
            notes.add("note: --account-id is only used with --region to make an ECR url; the url already names the "
                    + "registry.");
        }
        for (String pair : cloudSettings) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--cloud takes KEY=VALUE, not '" + pair + "'")
                        .hint("e.g. --cloud tenant_id=00000000-0000-0000-0000-000000000000").build();
            }
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        if (settings.isEmpty()) {
            return;
        }
        ObjectNode cloud = entry.has("cloud") && entry.get("cloud").isObject() ? (ObjectNode) entry.get("cloud")
                : entry.putObject("cloud");
        settings.forEach((key, value) -> {
            if (value.isEmpty()) {
                cloud.remove(key);
            } else if (value.contains(",")) {
                var list = cloud.putArray(key);
                java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(list::add);
            } else {
                cloud.put(key, value);
            }
        });
        if (registryType == null) {
            notes.add("note: cloud settings are read by the credential provider of the registry's type; give --type.");
            return;
        }
        var provider = io.stella.registry.auth.provider.CredentialProviders.installed().forType(registryType);
        if (provider.isEmpty()) {
            notes.add("note: this build has no " + registryType.configName() + " credential provider; the cloud settings "
                    + "are stored for a build that has it.");
            return;
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        cloud.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(provider.get().settingKeys());
        if (!unknown.isEmpty()) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cloud." + unknown.iterator().next()
                            + " is not a setting of the " + provider.get().name() + " provider; nothing was saved")
                    .hint("Its settings: " + String.join(", ", new java.util.TreeSet<>(provider.get().settingKeys())) + ".")
                    .evidence("key", "cloud." + unknown.iterator().next()).build();
        }
    }

    private String defaultUrl(Optional<RegistryPreset> preset, RegistryType registryType) {
        if (registryType == RegistryType.ECR && accountId != null && region != null) {
            return "https://" + accountId + ".dkr.ecr." + region + ".amazonaws.com";
        }
        return preset.filter(p -> p.type() == registryType || registryType == null).flatMap(RegistryPreset::url).orElse(null);
    }

    private static RegistryType typeOf(ObjectNode entry) {
        return entry.hasNonNull("type") ? parseType(entry.get("type").asText()) : null;
    }

    private static RegistryType parseType(String text) {
        try {
            return RegistryType.valueOf(text.toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "type: unknown registry type '" + text + "'")
                    .hint("Use one of " + RegistryType.configNames() + ".")
                    .evidence("key", "type").build();
        }
    }
}
