package io.stella.inventory.sbom;

import io.stella.inventory.sbom.spdx.SpdxExtractedLicence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code licenseDeclared} values for the packages of one SPDX document, and the
 * {@code hasExtractedLicensingInfos} entries they need.
 *
 * <p>A package's licences are joined with {@code AND} (compound ones parenthesised). A valid SPDX
 * expression is written canonically. Text that is not one becomes {@code LicenseRef-<text>}, every
 * character outside {@code [A-Za-z0-9.-]} replaced by {@code -} ({@code Public Domain} →
 * {@code LicenseRef-Public-Domain}), with an extracted-licence entry holding the text; in an expression
 * whose grammar is fine but one of whose ids is not on the SPDX list, only that id is replaced
 * ({@code GPL-2.0-or-later AND Public-Domain} → {@code GPL-2.0-or-later AND LicenseRef-Public-Domain}).
 * Two different texts that sanitise alike get {@code -2}, {@code -3}, ... in the order first seen.
 * A {@code LicenseRef-} the package itself declared is kept, with itself as the extracted text.
 */
final class SpdxLicences {
    static final String NOASSERTION = "NOASSERTION";

    private final Map<String, String> refByText = new HashMap<>();
    private final Map<String, String> textByRef = new TreeMap<>();

    String declared(List<String> texts) {
        Set<String> parts = new LinkedHashSet<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                parts.add(expression(Licence.of(text)));
            }
        }
        if (parts.isEmpty()) {
            return NOASSERTION;
        }
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        List<String> joined = new ArrayList<>();
        for (String part : parts) {
            joined.add(part.contains(" ") ? "(" + part + ")" : part);
        }
        return String.join(" AND ", joined);
    }

    /** Sorted by licence id. */
    List<SpdxExtractedLicence> extracted() {
        List<SpdxExtractedLicence> entries = new ArrayList<>();
        textByRef.forEach((ref, text) -> entries.add(new SpdxExtractedLicence(ref, text, text)));
        return entries;
    }

    private String expression(Licence licence) {
        if (licence.expression() == null) {
            return refFor(licence.text());
        }
        return licence.expression().render(token -> switch (token.kind()) {
            case UNKNOWN -> refFor(token.text());
            case LICENCE_REF -> declaredRef(token.text());
            default -> token.text();
        });
    }

    private String refFor(String text) {
        return refByText.computeIfAbsent(text, t -> {
            String base = "LicenseRef-" + t.replaceAll("[^A-Za-z0-9.-]", "-");
            String ref = base;
            for (int n = 2; textByRef.containsKey(ref); n++) {
                ref = base + "-" + n;
            }
            textByRef.put(ref, t);
            return ref;
        });
    }

    /** Refs into other documents ({@code DocumentRef-x:LicenseRef-y}) are defined there, not here. */
    private String declaredRef(String ref) {
        if (ref.startsWith("LicenseRef-")) {
            textByRef.putIfAbsent(ref, ref);
            refByText.putIfAbsent(ref, ref);
        }
        return ref;
    }
}
