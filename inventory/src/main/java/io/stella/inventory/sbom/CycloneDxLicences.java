package io.stella.inventory.sbom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;

/**
 * A package's licences as a CycloneDX 1.6 licence choice, which is either a list of licences (each an
 * SPDX {@code id} or a free-text {@code name}) or one SPDX {@code expression}, never both:
 * <ul>
 *   <li>no compound expression among them: one licence each, {@code id} when the text is a listed SPDX id,
 *       else {@code name} with the text;</li>
 *   <li>a compound expression and every text valid SPDX: one {@code expression}, the texts joined with
 *       {@code AND} (compound ones parenthesised);</li>
 *   <li>a compound expression next to free text (which an expression cannot carry without losing its
 *       words): one licence each as above, the expression as {@code name}.</li>
 * </ul>
 */
final class CycloneDxLicences {
    private CycloneDxLicences() {}

    /** Null when there are no licences. */
    static LicenseChoice of(List<String> texts) {
        Set<Licence> licences = new LinkedHashSet<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                licences.add(Licence.of(text));
            }
        }
        if (licences.isEmpty()) {
            return null;
        }
        boolean needsExpression = licences.stream().anyMatch(l -> l.isSpdx() && !l.expression().isSingleLicenceId());
        boolean allSpdx = licences.stream().allMatch(Licence::isSpdx);
        LicenseChoice choice = new LicenseChoice();
        if (needsExpression && allSpdx) {
            choice.setExpression(new Expression(joined(licences)));
            return choice;
        }
        List<License> list = new ArrayList<>();
        for (Licence licence : licences) {
            License license = new License();
            if (licence.isSpdx() && licence.expression().isSingleLicenceId()) {
                license.setId(licence.expression().canonical());
            } else {
                license.setName(licence.text());
            }
            list.add(license);
        }
        choice.setLicenses(list);
        return choice;
    }

    private static String joined(Set<Licence> licences) {
        if (licences.size() == 1) {
            return licences.iterator().next().expression().canonical();
        }
        List<String> parts = new ArrayList<>();
        for (Licence licence : licences) {
            String canonical = licence.expression().canonical();
            parts.add(licence.expression().isCompound() ? "(" + canonical + ")" : canonical);
        }
        return String.join(" AND ", parts);
    }
}
