package io.stella.registry.auth;

/** How username/password credentials are exchanged for a bearer token. */
public enum TokenFlow {
    /** GET with Basic credentials (docker's default; every token service supports it). */
    GET,
    /** OAuth2 POST {@code grant_type=password}, falling back to GET when the service answers 404/405. */
    OAUTH2
}
