package io.stella.cli.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What stella last saw of a registry's credential, kept between runs so that {@code registry credentials show}
 * can say when it was issued, refreshed and when it failed. Never holds a secret.
 *
 * @param kind         basic, token, identity-token, helper, cloud
 * @param source       where it came from ({@code CredentialOrigin})
 * @param obtainedAt   when stella last obtained the credential from its source
 * @param expiresAt    when it stops working, when known
 * @param refreshAt    when stella renews it, when it is renewable
 * @param lastRefresh  the last renewal (not the first fetch of a run), and why
 * @param tokenIssued  the last bearer token obtained with it
 * @param tokenExpires when that token expires
 * @param lastSuccess  when the registry last accepted it
 * @param lastFailure  the last authentication failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialState(String kind, String source,
                              @JsonProperty("obtained_at") Instant obtainedAt,
                              @JsonProperty("expires_at") Instant expiresAt,
                              @JsonProperty("refresh_at") Instant refreshAt,
                              @JsonProperty("last_refresh") Event lastRefresh,
                              @JsonProperty("token_issued") Instant tokenIssued,
                              @JsonProperty("token_expires") Instant tokenExpires,
                              @JsonProperty("last_success") Instant lastSuccess,
                              @JsonProperty("last_failure") Event lastFailure) {

    public static final CredentialState NONE = new CredentialState(null, null, null, null, null, null, null, null, null,
            null);

    /** Something that happened: when, a code (for failures) and a sentence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Instant at, String code, String detail) {
        @Override
        public String toString() {
            return at + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + detail);
        }
    }

    public CredentialState obtained(String kind, String source, Instant at, Instant expires, Instant refresh,
                                    Event refreshEvent) {
        return new CredentialState(kind, source, at, expires, refresh, refreshEvent == null ? lastRefresh : refreshEvent,
                tokenIssued, tokenExpires, lastSuccess, lastFailure);
    }

    public CredentialState token(Instant issued, Instant expires) {
        return new CredentialState(kind, source, obtainedAt, expiresAt, refreshAt, lastRefresh, issued, expires,
                lastSuccess, lastFailure);
    }

    public CredentialState succeeded(Instant at) {
        return new CredentialState(kind, source, obtainedAt, expiresAt, refreshAt, lastRefresh, tokenIssued, tokenExpires,
                at, lastFailure);
    }

    public CredentialState failed(Event failure) {
        return new CredentialState(kind, source, obtainedAt, expiresAt, refreshAt, lastRefresh, tokenIssued, tokenExpires,
                lastSuccess, failure);
    }
}
