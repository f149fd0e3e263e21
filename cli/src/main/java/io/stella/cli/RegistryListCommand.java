package io.stella.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.RegistryException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the configured registries. --show-status contacts each one (ping and authentication) and "
                + "shows ok, auth_failed, tls_error, unreachable, rate_limited or unknown."})
final class RegistryListCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigFileOption file;

    @Mixin
    OutputOptions output;

    @Option(names = "--show-status", description = "check each registry now")
    boolean showStatus;

    RegistryListCommand(Context context) {
        this.context = context;
    }

    private record Row(RegistryConfig registry, Optional<RegistryProbe.Outcome> outcome) {
    }

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions();
        options.config = file.config;
        RegistryAccess access = new RegistryAccess(context, options, output.json());
        try {
            StellaConfig config = ConfigFile.of(context, file.config).load();
            List<Row> rows = new ArrayList<>();
            for (RegistryConfig registry : config.registries()) {
                rows.add(new Row(registry, showStatus
                        ? Optional.of(RegistryProbe.check(access, config, registry, Optional.empty())) : Optional.empty()));
            }
            if (output.json()) {
                printJson(rows);
            } else {
                printTable(rows);
            }
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return access.fail(e);
        }
    }

    private void printTable(List<Row> rows) {
        PrintWriter out = context.out();
        if (rows.isEmpty()) {
            out.println("No registries configured; add one with 'stella registry configure NAME --url URL'.");
            return;
        }
        String format = showStatus ? "%-20s %-36s %-11s %-40s %-13s %-20s %s%n" : "%-20s %-36s %-11s %s%n";
        if (showStatus) {
            out.printf(format, "NAME", "URL", "TYPE", "AUTH", "STATUS", "CHECKED", "CREDENTIAL EXPIRY");
        } else {
            out.printf(format, "NAME", "URL", "TYPE", "AUTH");
        }
        for (Row row : rows) {
            RegistryConfig r = row.registry();
            if (!showStatus) {
                out.printf(format, r.name(), r.url(), r.type().configName(), CredentialDescription.configuredMethod(r));
                continue;
            }
            RegistryProbe.Outcome o = row.outcome().orElseThrow();
            out.printf(format, r.name(), r.url(), r.type().configName(), authText(r, o), o.status(),
                    o.checkedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), expiry(o));
        }
        for (Row row : rows) {
            row.outcome().flatMap(RegistryProbe.Outcome::failure).ifPresent(e ->
                    out.println(row.registry().name() + ": " + e.code() + ": " + e.getMessage()));
        }
        out.flush();
    }

    private static String authText(RegistryConfig r, RegistryProbe.Outcome o) {
        return o.authMethod().map(m -> m + " / " + CredentialDescription.configuredMethod(r))
                .orElse(CredentialDescription.configuredMethod(r));
    }

    private static String expiry(RegistryProbe.Outcome o) {
        return o.token().map(t -> t.expiresAt() + " (" + t.lifetime().toSeconds() + " s)")
                .orElse(o.authMethod().map(m -> m.equals("bearer") ? "unknown" : "none (" + m + ")").orElse("-"));
    }

    private void printJson(List<Row> rows) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("registries");
        for (Row row : rows) {
            RegistryConfig r = row.registry();
            ObjectNode node = list.addObject();
            node.put("name", r.name());
            node.put("url", r.url().text());
            node.put("type", r.type().configName());
            node.put("auth", CredentialDescription.configuredMethod(r));
            if (r.autoRefresh() != null) {
                node.put("auto_refresh", r.autoRefresh());
            }
            if (r.refreshInterval() != null) {
                node.put("refresh_interval", r.refreshInterval());
            }
            row.outcome().ifPresent(o -> {
                node.put("status", o.status());
                node.put("checked_at", o.checkedAt().toString());
                o.authMethod().ifPresent(m -> node.put("auth_method", m));
                o.token().ifPresent(t -> {
                    node.put("credential_expires_at", t.expiresAt().toString());
                    node.put("token_lifetime_seconds", t.lifetime().toSeconds());
                });
                o.failure().ifPresent(e -> {
                    node.put("error_code", e.code().name());
                    node.put("error", e.getMessage());
                });
            });
        }
        Json.print(root, context.out());
    }
}
