package io.stella.registry.failure;

/**
 * Stable names for everything that can go wrong talking to a registry. Codes are part of the public
 * interface (JSON output, exit codes, alerts): never rename one.
 */
public enum FailureCode {
    AUTH_INVALID_CREDENTIALS("The registry or its token service rejected the credentials.",
            "Check the username and password/token of the credential source shown in the evidence; "
                    + "they may be wrong, revoked or expired."),
    AUTH_NO_CREDENTIALS("The registry requires authentication and no credentials were found for it.",
            "Log in (docker login / podman login), add the registry to stella's config, or pass "
                    + "--username with --password-stdin."),
    AUTH_TOKEN_EXPIRED("The registry kept rejecting the token after stella re-authenticated.",
            "The token service issues tokens the registry does not accept (expired on arrival: check "
                    + "clock skew between the token service, the registry and this host)."),
    AUTH_INSUFFICIENT_SCOPE("The credentials are valid but do not grant the requested access.",
            "Grant the account the named action on the repository (e.g. Harbor project member, robot "
                    + "permission), or use credentials that have it."),
    AUTH_HELPER_FAILED("The credential helper could not be run or failed.",
            "Install the named docker-credential-* helper and make sure it is on PATH, or remove it "
                    + "from credHelpers/credsStore in the credential file."),
    TLS_UNTRUSTED_CERTIFICATE("The registry's TLS certificate is not signed by a trusted authority.",
            "Pass the registry's CA bundle with --ca-cert FILE (or tls.ca_cert in the config); "
                    + "--insecure-skip-verify only as a last resort."),
    TLS_HOSTNAME_MISMATCH("The registry's TLS certificate does not name the host that was contacted.",
            "Use the host name the certificate was issued for, or reissue the certificate with this "
                    + "name in its subjectAltName."),
    TLS_CERTIFICATE_EXPIRED("The registry's TLS certificate has expired or is not yet valid.",
            "Renew the registry's certificate (or check this host's clock)."),
    TLS_HANDSHAKE_FAILED("The TLS handshake with the registry failed.",
            "Check that the registry speaks TLS on this port and supports TLS 1.2 or newer; if it serves plain "
                    + "HTTP, give it as http://host:port (allowed for loopback and registries configured insecure)."),
    NETWORK_DNS("The registry host name could not be resolved.",
            "Check the registry host name and this host's DNS configuration."),
    NETWORK_CONNECTION_REFUSED("The registry refused the connection.",
            "Check that the registry is running and listening on the host and port given."),
    NETWORK_TIMEOUT("The registry did not answer in time.",
            "Check connectivity and proxies (HTTPS_PROXY/NO_PROXY); raise --timeout for slow links."),
    NETWORK_ERROR("The connection to the registry failed.",
            "Check connectivity to the registry and any proxy in between."),
    REGISTRY_RATE_LIMITED("The registry is rate-limiting requests.",
            "Wait for the limit to reset, authenticate to get a higher limit, or lower scan concurrency."),
    REGISTRY_UNAVAILABLE("The registry kept answering with server errors.",
            "The registry (or a proxy in front of it) is failing; check its status and retry later."),
    REGISTRY_PROTOCOL_ERROR("The registry answered with something stella could not understand.",
            "Check that the URL points at an OCI distribution (Docker registry v2) endpoint."),
    IMAGE_NOT_FOUND("The image does not exist in the repository.",
            "Check the tag or digest; the evidence lists tags the repository does have where known."),
    REPOSITORY_NOT_FOUND_OR_DENIED("The repository does not exist, or the credentials may not see it.",
            "Check the repository name; if it exists, grant the account pull access to it."),
    MANIFEST_UNSUPPORTED("The image manifest has a format stella does not support.",
            "Re-push the image with a current client (Docker schema 2 or OCI), e.g. skopeo copy."),
    MANIFEST_INVALID("The image manifest could not be parsed.",
            "The registry returned a malformed manifest; re-push the image."),
    PLATFORM_NOT_FOUND("The image index has no image for the requested platform.",
            "Choose one of the platforms listed in the evidence with --platform os/arch[/variant]."),
    DIGEST_MISMATCH("Downloaded content does not match its digest.",
            "The registry, a proxy or the storage behind it corrupted the content; retry, then "
                    + "re-push the image."),
    LAYER_CORRUPT("A layer could not be read: it is truncated or not a valid (compressed) tar archive.",
            "Re-pull or re-push the image; if the registry keeps serving this layer, its storage is damaged. "
                    + "The evidence names the layer digest and the last entry read."),
    IMAGE_SOURCE_INVALID("The image archive, OCI layout or root file system could not be read as an image.",
            "Check the path: --input takes a docker save archive (tar or tar.gz) or an OCI image layout "
                    + "directory, --rootfs a directory or a tar of a root file system."),
    VULNDB_MISSING("There is no vulnerability database to match against.",
            "Run 'stella db update' (needs access to osv.dev), or on an air-gapped host 'stella db import PATH' "
                    + "with OSV zips, Alpine secdb files or a bundle made by 'stella db export'."),
    VULNDB_CORRUPT("The vulnerability database cannot be read.",
            "Rebuild it: 'stella db update', or 'stella db import' of a bundle; the file named in the evidence "
                    + "can be deleted first."),
    VULNDB_IMPORT_FAILED("An input could not be imported into the vulnerability database; the database is unchanged.",
            "Check the path: 'stella db import' takes OSV JSON files, directories or zips, Alpine secdb YAML "
                    + "files and bundles made by 'stella db export'."),
    VULNDB_BUNDLE_TAMPERED("The offline bundle does not match its manifest; nothing was imported.",
            "Copy the bundle again from its source, or export a new one with 'stella db export'."),
    VULNDB_DOWNLOAD_FAILED("A vulnerability source could not be downloaded; the database is unchanged.",
            "Check connectivity and proxies to the source URL in the evidence, or import the data offline "
                    + "with 'stella db import'."),
    VULNDB_STALE("The vulnerability database is older than the configured maximum age.",
            "Run 'stella db update', or import a fresh bundle; vulndb.max_age in the config sets the limit."),
    SBOM_INVALID("The SBOM could not be read.",
            "Give a CycloneDX JSON (1.4-1.6) or SPDX 2.3 JSON document; the evidence names the position of the problem."),
    REPORT_INPUT_INVALID("An ignore file or VEX document could not be read.",
            "Fix the file at the position named in the evidence; VEX documents may be OpenVEX or CycloneDX VEX JSON."),
    SCAN_IN_PROGRESS("Another scan of this registry is running.",
            "Wait for it to finish, or stop it; a lock left by a process that died is taken over by the next scan."),
    SCAN_TIMEOUT("The image took longer than the time allowed per image.",
            "Raise scan.timeout_per_image in the config, or lower scan.max_workers so each image gets more bandwidth."),
    SCAN_INCOMPLETE("The image was read, but nothing in it could be checked for vulnerabilities.",
            "The evidence names what was seen; an image without a recognised OS or package database is not clean, only unchecked."),
    COMMAND_NOT_APPLICABLE("The command does not apply to this registry.",
            "The message says which registry types it applies to and what to use for this one instead."),
    CATALOG_DENIED("The registry does not allow listing its repositories.",
            "Grant the account catalog access (registry:catalog:*) or list the repositories explicitly."),
    INVALID_REFERENCE("The image reference is not valid.",
            "Use [registry[:port]/]repository[:tag][@sha256:digest], e.g. registry.example.com/team/app:1.2."),
    CONFIG_INVALID("The configuration is not valid.",
            "Fix the named key in the configuration file."),
    INSECURE_NOT_ALLOWED("Plain HTTP is allowed only for loopback hosts and registries configured insecure.",
            "Configure the registry as insecure (tls.insecure_skip_verify) or give it a TLS certificate."),
    STORE_UNAVAILABLE("The results store cannot be opened or written.",
            "Check the store named in the message: a SQLite file must be a stella results database in a writable "
                    + "directory (move a damaged file away to start a new one); for PostgreSQL check the JDBC URL, "
                    + "user and password, and that the server is running and reachable.");

    private final String summary;
    private final String defaultHint;

    FailureCode(String summary, String defaultHint) {
        this.summary = summary;
        this.defaultHint = defaultHint;
    }

    /** A one-line, general description of the failure. */
    public String summary() {
        return summary;
    }

    /** The fix to suggest when the failure site knows nothing more specific. */
    public String defaultHint() {
        return defaultHint;
    }
}
