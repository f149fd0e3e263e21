package io.stella.inventory.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX licence and exception identifiers, from the copy of the SPDX licence list that
 * cyclonedx-core-java ships: {@code /licenses/licenses.json} holds the licences, and the enum of
 * {@code /spdx.schema.json} (which the CycloneDX schema validates {@code license.id} against) holds
 * licences and exceptions, so the exceptions are that enum less the licences.
 */
final class SpdxLicenseList {
    private static final SpdxLicenseList INSTANCE = load();

    private final Map<String, String> licences;
    private final Map<String, String> licencesByName;
    private final Map<String, String> exceptions;
    private final String version;

    private SpdxLicenseList(Map<String, String> licences, Map<String, String> licencesByName,
                            Map<String, String> exceptions, String version) {
        this.licences = licences;
        this.licencesByName = licencesByName;
        this.exceptions = exceptions;
        this.version = version;
    }

    static SpdxLicenseList get() {
        return INSTANCE;
    }

    /** The canonical spelling of a licence id given in any case (deprecated ids included). */
    Optional<String> licence(String id) {
        return Optional.ofNullable(licences.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * The id of the licence whose full name this is, in any case ({@code GNU General Public License v2.0
     * only} is {@code GPL-2.0-only}, not the deprecated {@code GPL-2.0} of the same name).
     */
    Optional<String> licenceNamed(String name) {
        return Optional.ofNullable(licencesByName.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The canonical spelling of a licence exception id given in any case. */
    Optional<String> exception(String id) {
        return Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The list's version as SPDX's {@code licenseListVersion} wants it: major.minor (e.g. 3.27). */
    String version() {
        return version;
    }

    private static SpdxLicenseList load() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode list = read(mapper, "/licenses/licenses.json");
        JsonNode schema = read(mapper, "/spdx.schema.json");
        Map<String, String> licences = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (JsonNode licence : list.path("licenses")) {
            String id = licence.path("licenseId").asText();
            licences.put(id.toLowerCase(Locale.ROOT), id);
            String name = licence.path("name").asText().toLowerCase(Locale.ROOT);
            if (!licence.path("isDeprecatedLicenseId").asBoolean()) {
                byName.put(name, id);
            }
        }
        Map<String, String> exceptions = new HashMap<>();
        for (JsonNode id : schema.path("enum")) {
            String key = id.asText().toLowerCase(Locale.ROOT);
            if (!licences.containsKey(key)) {
                exceptions.put(key, id.asText());
            }
        }
        if (licences.isEmpty() || exceptions.isEmpty()) {
            throw new IllegalStateException("the SPDX licence list in cyclonedx-core-java is empty");
        }
        String[] version = list.path("licenseListVersion").asText().split("\\.");
        return new SpdxLicenseList(Map.copyOf(licences), Map.copyOf(byName), Map.copyOf(exceptions), version[0] + "." + version[1]);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = SpdxLicenseList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " (from cyclonedx-core-java) is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
