package io.stella.scan.store;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: without passwords. */
final class JdbcUrls {
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?&;]*):[^/@?&;]*@");

    private JdbcUrls() {
    }

    static String redact(String url) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1:***@");
    }
}
