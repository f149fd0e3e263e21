package io.stella.registry.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECR registry host: {@code <account>.dkr.ecr.<region>.amazonaws.com}, its FIPS form
 * {@code <account>.dkr.ecr-fips.<region>.amazonaws.com} and the China partition's {@code ….amazonaws.com.cn}.
 *
 * @param account the 12-digit account id, which is also the registry id
 */
public record EcrHost(String account, String region, boolean fips, boolean china) {
    private static final Pattern HOST = Pattern.compile(
            "(\\d{12})\\.dkr\\.(ecr|ecr-fips)\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(\\.cn)?(?::\\d+)?");

    public static Optional<EcrHost> parse(String host) {
        Matcher m = HOST.matcher(host.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EcrHost(m.group(1), m.group(3), m.group(2).equals("ecr-fips"), m.group(4) != null));
    }

    /** The standard (non-FIPS) registry host of an account in a region of the partition. */
    public static String hostOf(String account, String region, boolean china) {
        return account + ".dkr.ecr." + region + ".amazonaws.com" + (china ? ".cn" : "");
    }

    public String host() {
        return account + ".dkr." + (fips ? "ecr-fips" : "ecr") + "." + region + ".amazonaws.com" + (china ? ".cn" : "");
    }
}
