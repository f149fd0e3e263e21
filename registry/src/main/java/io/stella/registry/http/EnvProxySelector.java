package io.stella.registry.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (upper or lower case) as Go
 * and curl read them: NO_PROXY entries match a host and its subdomains ({@code .example.com} or
 * {@code example.com}), {@code host:port}, or everything ({@code *}); loopback is never proxied.
 */
public final class EnvProxySelector extends ProxySelector {
    private final Proxy httpsProxy;
    private final Proxy httpProxy;
    private final List<String> noProxy;

    private EnvProxySelector(Proxy httpsProxy, Proxy httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /** Empty when no proxy variable is set, so the HTTP client goes direct. */
    public static java.util.Optional<ProxySelector> fromEnvironment(Map<String, String> env) {
        Proxy https = proxy(env, "HTTPS_PROXY");
        Proxy http = proxy(env, "HTTP_PROXY");
        if (https == null && http == null) {
            return java.util.Optional.empty();
        }
        List<String> no = new ArrayList<>();
        String list = value(env, "NO_PROXY");
        if (list != null) {
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    no.add(entry.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return java.util.Optional.of(new EnvProxySelector(https, http, no));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Proxy proxy(Map<String, String> env, String name) {
        String v = value(env, name);
        if (v == null) {
            return null;
        }
        URI uri = URI.create(v.contains("://") ? v : "http://" + v);
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        Proxy chosen = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (chosen == null || bypass(uri)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(chosen);
    }

    boolean bypass(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (Loopback.isLoopback(host)) {
            return true;
        }
        String hostPort = host + ":" + uri.getPort();
        for (String entry : noProxy) {
            if (entry.equals("*") || entry.equals(hostPort)) {
                return true;
            }
            String domain = entry.startsWith(".") ? entry.substring(1) : entry;
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to fall back to: the failure surfaces from the request itself
    }
}
