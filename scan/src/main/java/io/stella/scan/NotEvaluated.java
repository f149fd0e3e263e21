package io.stella.scan;

/** Packages of an ecosystem the vulnerability database does not cover: reported, never counted as clean. */
public record NotEvaluated(String ecosystem, int packages) {
}
