package io.stella.inventory.analyzers.rustbinary;

/**
 * One package of cargo-auditable's dependency list.
 *
 * @param name    crate name
 * @param version crate version (semver)
 * @param source  "crates.io", "git", "local", "registry" or another source's name, "" when absent
 * @param runtime false for a build-time-only dependency (build scripts, proc-macros), whose code is not in the binary
 * @param root    whether this is the crate the binary was built from
 */
public record AuditedCrate(String name, String version, String source, boolean runtime, boolean root) {}
