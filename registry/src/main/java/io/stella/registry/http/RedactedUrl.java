package io.stella.registry.http;

import java.util.regex.Pattern;

/**
 * A URL fit for output: user info and the values of query parameters that carry signatures or
 * credentials (pre-signed object-storage URLs, token requests) are replaced.
 */
public final class RedactedUrl {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)([?&](?:x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig|token|access_token"
                    + "|refresh_token|password|x-goog-signature|x-goog-credential|se|sp|skoid|sktid|skt|ske|sks|skv|sv)=)[^&]*");

    private RedactedUrl() {
    }

    public static String of(String url) {
        String noUser = USER_INFO.matcher(url).replaceFirst("$1<redacted>@");
        return SECRET_PARAMS.matcher(noUser).replaceAll("$1<redacted>");
    }
}
