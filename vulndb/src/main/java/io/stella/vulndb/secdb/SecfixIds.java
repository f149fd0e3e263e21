package io.stella.vulndb.secdb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vulnerability ids in one secfixes item. Items are written by hand: {@code CVE-2019-1 CVE-2019-2},
 * {@code CVE-2016-10013 XSA-204}, {@code CVE-2018-14468 (FrameRelay)}, {@code CVE_2019-2426},
 * {@code CVE 2018-16859}, {@code CVE-2017-17434-1}, or an id of another database alone ({@code XSA-207}).
 */
record SecfixIds(List<String> cves, List<String> others) {
    // Lenient about the separator after "CVE" and about a suffix (CVE-2017-17434-1 is a part of CVE-2017-17434).
    private static final Pattern CVE = Pattern.compile("CVE[-_ ](\\d{4})-(\\d{4,})", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-\\d[A-Za-z0-9-]*");

    static SecfixIds of(String item) {
        LinkedHashSet<String> cves = new LinkedHashSet<>();
        Matcher cve = CVE.matcher(item);
        while (cve.find()) {
            cves.add("CVE-" + cve.group(1) + "-" + cve.group(2));
        }
        String rest = CVE.matcher(item).replaceAll(" ").replaceAll("\\([^)]*\\)", " ");
        List<String> others = new ArrayList<>();
        for (String token : rest.trim().split("\\s+")) {
            if (OTHER_ID.matcher(token).matches() && !token.toUpperCase(Locale.ROOT).startsWith("CVE")) {
                others.add(token);
            }
        }
        return new SecfixIds(List.copyOf(cves), List.copyOf(others));
    }

    boolean isEmpty() {
        return cves.isEmpty() && others.isEmpty();
    }
}
