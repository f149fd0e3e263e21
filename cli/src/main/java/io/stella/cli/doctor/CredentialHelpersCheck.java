package io.stella.cli.doctor;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.sources.ConfiguredHelper;
import io.stella.registry.auth.sources.CredentialHelperClient;
import io.stella.registry.auth.sources.DockerConfigCredentialSource;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credential helpers the docker/podman credential files name ({@code credHelpers}, {@code credsStore}):
 * each must be on PATH and answer {@code get} for the registries it serves within a timeout.
 */
public final class CredentialHelpersCheck implements DoctorCheck {
    public static final String ID = "check.scanner.credential-helpers";
    static final Duration HELPER_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "credential helpers named in docker/podman credential files are on PATH and answer";
    }

    @Override
    public List<CheckResult> run(DoctorContext context) {
        CredentialHelperClient client = CredentialHelperClient.fromEnvironment(context.env(), HELPER_TIMEOUT);
        List<ConfiguredHelper> configured;
        try {
            configured = new DockerConfigCredentialSource(context.dockerConfigFiles(), client).configuredHelpers();
        } catch (RegistryException e) {
            Map<String, String> evidence = new LinkedHashMap<>(e.evidence());
            evidence.put("code", e.code().name());
            return List.of(new CheckResult(ID, "credential files", CheckResult.Status.FAIL,
                    e.code() + ": " + e.getMessage(), evidence, e.hint()));
        }
        if (configured.isEmpty()) {
            return List.of(CheckResult.skip(ID, "credential helpers", "no credHelpers or credsStore in "
                    + context.dockerConfigFiles().stream().map(Path::toString).collect(Collectors.joining(", ")), null));
        }
        Map<String, List<ConfiguredHelper>> byName = new LinkedHashMap<>();
        configured.forEach(h -> byName.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h));
        List<CheckResult> results = new ArrayList<>();
        byName.forEach((name, entries) -> results.add(check(context, client, name, entries)));
        return results;
    }

    private CheckResult check(DoctorContext context, CredentialHelperClient client, String name,
                              List<ConfiguredHelper> entries) {
        String binary = CredentialHelperClient.binaryName(name);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("configured_by", entries.stream().map(h -> h.configuredBy() + " in " + h.file())
                .collect(Collectors.joining("; ")));
        Optional<Path> executable = CredentialHelperClient.isValidHelperName(name) ? client.findHelper(name) : Optional.empty();
        if (executable.isEmpty()) {
            evidence.put("search_path", context.env().getOrDefault("PATH", ""));
            return new CheckResult(ID, binary, CheckResult.Status.FAIL, binary + " is not installed or not on PATH",
                    evidence, "Install " + binary + " and put it on PATH, or remove '" + name
                            + "' from credHelpers/credsStore in " + entries.getFirst().file() + ".");
        }
        evidence.put("executable", executable.get().toString());
        Set<String> registries = registriesServed(context, entries);
        if (registries.isEmpty()) {
            return CheckResult.pass(ID, binary, "on PATH; not asked: no configured registry uses it", evidence);
        }
        for (String registry : registries) {
            try {
                Optional<Credential> answer = client.get(name, registry);
                evidence.put("get " + registry, answer.map(c -> "answered: " + c.kind()).orElse("answered: no credentials"));
            } catch (RegistryException e) {
                evidence.put("get " + registry, "FAILED: " + e.getMessage());
                evidence.put("code", e.code().name());
                e.evidence().forEach(evidence::putIfAbsent);
                return new CheckResult(ID, binary, CheckResult.Status.FAIL, e.code() + ": " + e.getMessage(), evidence,
                        e.hint());
            }
        }
        return CheckResult.pass(ID, binary, "on PATH and answered for " + String.join(", ", registries), evidence);
    }

    /** The credHelpers keys, and for a credsStore every configured registry: the hosts a scan would ask about. */
    private static Set<String> registriesServed(DoctorContext context, List<ConfiguredHelper> entries) {
        Set<String> hosts = new LinkedHashSet<>();
        for (ConfiguredHelper helper : entries) {
            if (helper.registryKey().isPresent()) {
                hosts.add(io.stella.registry.auth.sources.RegistryHosts.normalise(helper.registryKey().get()));
            } else {
                context.targets().forEach(t -> hosts.add(t.config().hostKey()));
            }
        }
        return hosts;
    }

}
