package io.stella.inventory.analyzers.gobinary;

/**
 * The two strings a Go linker embeds in {@code .go.buildinfo}.
 *
 * @param goVersion      the toolchain, e.g. {@code go1.19.8} or {@code go1.22.3 X:boringcrypto}
 * @param modInfo        the module information text without its 16-byte sentinels; "" when the binary has
 *                       none (GOPATH-mode builds) or when it could not be read
 * @param modInfoProblem why the module information could not be read, or null
 */
public record GoBuildInfo(String goVersion, String modInfo, String modInfoProblem) {}
