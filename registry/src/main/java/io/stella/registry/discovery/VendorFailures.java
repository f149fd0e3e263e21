package io.stella.registry.discovery;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.VendorApiRequest;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import io.stella.registry.http.RedactedUrl;
import io.stella.registry.http.RegistryErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/** The failures of vendor discovery, with evidence and the vendor's own hints. */
final class VendorFailures {
    private VendorFailures() {
    }

    /** A non-2xx answer other than a 404 the caller takes as "not there". */
    static RegistryException forStatus(VendorApi api, VendorApiRequest request, String what, HttpResponse<?> response,
                                       RegistryErrorBody body, boolean apiRoot) {
        int status = response.statusCode();
        Vendor vendor = api.vendor();
        RegistryException.Builder b;
        if (status == 401 || status == 403) {
            VendorApiRequest.Auth auth = api.auth();
            String message;
            if (status == 403) {
                message = vendor.displayName() + " at " + api.registry() + " denied " + what + " to " + who(api)
                        + " (HTTP 403)";
            } else if (auth == VendorApiRequest.Auth.NONE) {
                message = vendor.displayName() + " at " + api.registry() + " requires authentication for " + what
                        + " and " + who(api) + " were sent (HTTP 401)";
            } else {
                message = vendor.displayName() + " at " + api.registry() + " rejected " + who(api) + " for " + what
                        + " (HTTP 401)";
            }
            b = builder(api, FailureCode.CATALOG_DENIED, message).hint(vendor.deniedHint());
        } else if (status == 404 && apiRoot) {
            b = builder(api, FailureCode.REGISTRY_PROTOCOL_ERROR, "no " + vendor.displayName() + " API at "
                    + RedactedUrl.of(request.url().toString()) + " (HTTP 404 for " + what + ")")
                    .hint(vendor.missingApiHint());
        } else {
            b = builder(api, FailureCode.REGISTRY_PROTOCOL_ERROR, vendor.displayName() + " at " + api.registry()
                    + " answered HTTP " + status + " to " + what);
        }
        return b.evidence("http_status", status)
                .evidence("url", RedactedUrl.of(request.url().toString()))
                .evidence("registry_error_code", body.code())
                .evidence("registry_error_message", body.message())
                .build();
    }

    static RegistryException invalidJson(VendorApi api, URI url, String what, HttpResponse<?> response,
                                         JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return builder(api, FailureCode.REGISTRY_PROTOCOL_ERROR, api.vendor().displayName() + " answered " + what
                        + " with invalid JSON" + where)
                .evidence("url", RedactedUrl.of(url.toString()))
                .evidence("content_type", response.headers().firstValue("content-type").orElse(null))
                .evidence("json_error", e.getOriginalMessage())
                .evidence("json_line", at == null ? null : at.getLineNr())
                .evidence("json_column", at == null ? null : at.getColumnNr())
                .hint("A proxy or login page may have answered instead of the " + api.vendor().displayName()
                        + " API; " + api.vendor().missingApiHint())
                .cause(e)
                .build();
    }

    static RegistryException unreadable(VendorApi api, URI url, String what, IOException e) {
        return ConnectionFailures.classify(e, RedactedUrl.of(url.toString()), api.registry()).toBuilder()
                .evidence("reading", api.vendor().displayName() + " " + what)
                .build();
    }

    /** The API answered 2xx with something that is not what its documentation promises. */
    static RegistryException protocol(VendorApi api, URI url, String message) {
        return builder(api, FailureCode.REGISTRY_PROTOCOL_ERROR, api.vendor().displayName() + " " + message)
                .evidence("url", RedactedUrl.of(url.toString()))
                .build();
    }

    /** A namespace named in the options that the API does not show. */
    static RegistryException namespaceNotFound(VendorApi api, String kind, String name, String detail) {
        return builder(api, FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED, api.vendor().displayName() + " " + kind + " '"
                        + name + "' not found at " + api.registry() + " (or not visible to " + who(api) + ")" + detail)
                .evidence("namespace", name)
                .hint("Check the " + kind + " name; if it exists, grant " + who(api) + " access to it. "
                        + api.vendor().missingApiHint())
                .build();
    }

    /** Refused before any request: the credential cannot answer this vendor's API. */
    static RegistryException refused(VendorApi api, String message) {
        return builder(api, FailureCode.CATALOG_DENIED, message).hint(api.vendor().deniedHint()).build();
    }

    static String who(VendorApi api) {
        ResolvedCredential credential = api.session().credential();
        return switch (api.auth()) {
            case API_TOKEN -> "the vendor API token";
            case BASIC -> "the " + credential.credential().kind() + " credentials from " + credential.origin();
            case NONE -> credential.isAnonymous() ? "no credentials"
                    : "no usable credentials (the " + credential.credential().kind() + " credentials from "
                            + credential.origin() + " are not a username and password)";
        };
    }

    private static RegistryException.Builder builder(VendorApi api, FailureCode code, String message) {
        ResolvedCredential credential = api.session().credential();
        return RegistryException.builder(code, message)
                .registry(api.registry())
                .evidence("vendor", api.vendor().type().configName())
                .evidence("auth_method", api.auth().label())
                .evidence("credential_source", credential.origin())
                .evidence("credential_kind", credential.credential().kind());
    }
}
