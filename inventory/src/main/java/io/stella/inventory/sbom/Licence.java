package io.stella.inventory.sbom;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.util.LicenseResolver;

/**
 * One licence text of a package as the SBOM writers see it.
 *
 * <p>The text is read as an SPDX expression first ({@code MIT}, {@code GPL-2.0-or-later AND MIT}), then
 * as the full name of a listed, non-deprecated licence ({@code Apache License 2.0}); failing that,
 * cyclonedx-core-java's {@link LicenseResolver} maps a licence URL or a common alias
 * ({@code https://opensource.org/licenses/MIT}, {@code The Apache Software License, Version 2.0}) to its id.
 * Anything else ({@code Public Domain}) stays free text, and so do the versionless names that the
 * resolver's alias table pins to one version ({@code BSD} to BSD-4-Clause, {@code Apache License} to
 * Apache-1.0): an SBOM must not declare a licence the package did not.
 *
 * @param text       the licence as the package declared it, trimmed
 * @param expression the SPDX reading; null when the text has no expression grammar. Its
 *                   {@link LicenseExpression#isSpdx()} is false when an identifier is not on the SPDX list
 */
record Licence(String text, LicenseExpression expression) {
    private static final Set<String> AMBIGUOUS_ALIASES = Set.of("bsd", "bsd license", "the bsd license",
            "apache license", "apache software licenses", "mozilla public license", "cddl", "cddl license", "cpl");
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, Licence> CACHE = new ConcurrentHashMap<>();

    static Licence of(String text) {
        String key = text.strip();
        Licence cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Licence licence = classify(key);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(key, licence);
        }
        return licence;
    }

    /** A valid SPDX licence id or expression. */
    boolean isSpdx() {
        return expression != null && expression.isSpdx();
    }

    private static Licence classify(String text) {
        Optional<LicenseExpression> parsed = LicenseExpression.parse(text);
        if (parsed.isPresent() && parsed.get().isSpdx()) {
            return new Licence(text, parsed.get());
        }
        Optional<LicenseExpression> resolved = SpdxLicenseList.get().licenceNamed(text)
                .flatMap(LicenseExpression::parse)
                .or(() -> resolveByUrlOrAlias(text));
        return new Licence(text, resolved.or(() -> parsed).orElse(null));
    }

    private static Optional<LicenseExpression> resolveByUrlOrAlias(String text) {
        if (text.isEmpty() || AMBIGUOUS_ALIASES.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        LicenseChoice choice = LicenseResolver.resolve(text, false);
        if (choice == null) {
            return Optional.empty();
        }
        if (choice.getExpression() != null) {
            return LicenseExpression.parse(choice.getExpression().getValue()).filter(LicenseExpression::isSpdx);
        }
        if (choice.getLicenses() != null && choice.getLicenses().size() == 1 && choice.getLicenses().getFirst().getId() != null) {
            return LicenseExpression.parse(choice.getLicenses().getFirst().getId()).filter(LicenseExpression::isSpdx);
        }
        return Optional.empty();
    }
}
