package io.stella.vulndb;

/**
 * A record an import could not use: reported, never silently dropped, never fatal to the other records.
 *
 * @param id       the record's id, or its location when the id cannot be read
 * @param location the file (or zip entry) it was read from
 * @param reason   what is wrong with it
 */
public record InvalidRecord(String id, String location, String reason) {
}
