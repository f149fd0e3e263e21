package io.stella.registry.discovery;

import io.stella.registry.config.RegistryType;
import java.util.Optional;

/** A registry product whose own API lists repositories, with what to tell users when that fails. */
enum Vendor {
    HARBOR("Harbor", RegistryType.HARBOR, "",
            "Harbor's API takes the docker login username and password (for a robot account its full name, "
                    + "e.g. robot$project+scanner, and secret). The account must be a member of the project (any "
                    + "role gives project 'read'); a robot account needs the 'list repository' permission, a "
                    + "system robot also 'list project'. Or name the projects to list, or list the repositories to "
                    + "scan explicitly.",
            "Harbor 2.x serves its API under /api/v2.0/ on the registry host; Harbor 1.x is not supported."),
    QUAY("Quay", RegistryType.QUAY, "",
            "Quay's API takes OAuth access tokens only, not the docker login password or robot token: generate "
                    + "one in an organization's Applications (Generate Token, with 'View all visible repositories' "
                    + "and 'Read User Information') and give it as the vendor API token. Or name the namespaces "
                    + "(public repositories are listed anonymously), or list the repositories to scan explicitly.",
            "Quay serves its API under /api/v1/ on the registry host."),
    NEXUS("Nexus", RegistryType.NEXUS, "",
            "The Nexus user needs the browse and read privileges of the docker repositories "
                    + "(nx-repository-view-docker-<repository>-browse and -read, or nx-repository-view-docker-*-*); "
                    + "anonymous listing needs anonymous access enabled. Or name the Nexus repositories, or list "
                    + "the repositories to scan explicitly.",
            "Nexus serves its REST API (/service/rest/v1/) on its main HTTP port, not on a docker connector port: "
                    + "give the vendor API URL, e.g. https://nexus.example.com/ (with the context path if Nexus "
                    + "has one)."),
    ARTIFACTORY("Artifactory", RegistryType.ARTIFACTORY, "artifactory/",
            "The Artifactory user (password, API key or access token) needs Read permission on the docker "
                    + "repositories; some versions allow the List Docker Repositories API to privileged users only. "
                    + "Or name the repository keys, or list the repositories to scan explicitly.",
            "Artifactory serves its REST API under /artifactory/api/ by default: if it is served elsewhere, give "
                    + "the vendor API URL, e.g. https://example.jfrog.io/artifactory/.");

    private final String displayName;
    private final RegistryType type;
    private final String defaultPath;
    private final String deniedHint;
    private final String apiLocationHint;

    Vendor(String displayName, RegistryType type, String defaultPath, String deniedHint, String apiLocationHint) {
        this.displayName = displayName;
        this.type = type;
        this.defaultPath = defaultPath;
        this.deniedHint = deniedHint;
        this.apiLocationHint = apiLocationHint;
    }

    static Optional<Vendor> of(RegistryType type) {
        for (Vendor v : values()) {
            if (v.type == type) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    String displayName() {
        return displayName;
    }

    RegistryType type() {
        return type;
    }

    /** Where the API is under the registry host when no API URL is given. */
    String defaultPath() {
        return defaultPath;
    }

    /** What to do about a 401 or 403 of this vendor's API. */
    String deniedHint() {
        return deniedHint;
    }

    /** What to check when the API is not where stella looked. */
    String missingApiHint() {
        return "Check that this registry is " + displayName + " (type: " + type.configName() + " in the config). "
                + apiLocationHint;
    }
}
