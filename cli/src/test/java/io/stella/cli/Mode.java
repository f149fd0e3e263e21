package io.stella.cli;

/** The three kinds of registry the CLI tests run against. */
enum Mode {
    /** Plain HTTP, no authentication. */
    ANONYMOUS("none"),
    /** Plain HTTP, htpasswd Basic authentication, blobs redirected to another origin. */
    BASIC("basic"),
    /** HTTPS with a test-CA certificate, bearer tokens from the TokenService with per-project grants. */
    TOKEN("bearer");

    private final String authMethod;

    Mode(String authMethod) {
        this.authMethod = authMethod;
    }

    /** What stella reports as the auth method. */
    String authMethod() {
        return authMethod;
    }
}
