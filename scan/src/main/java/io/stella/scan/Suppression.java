package io.stella.scan;

/**
 * A finding taken out of the result, and why.
 *
 * @param reason what the ignore file or VEX statement says (status and justification)
 * @param origin the file it came from
 */
public record Suppression(ScanFinding finding, String reason, String origin) {
}
