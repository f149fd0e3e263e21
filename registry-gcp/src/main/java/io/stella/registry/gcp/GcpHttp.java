package io.stella.registry.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.http.EnvProxySelector;
import io.stella.registry.http.SslContexts;
import io.stella.registry.http.TlsSettings;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The HTTP clients for Google's APIs: google-auth's transport and the JDK client for Artifact Registry, both going
 * through the context's {@code HTTPS_PROXY}/{@code NO_PROXY} the way the registry client does, trusting the CAs of
 * the context's {@code REQUESTS_CA_BUNDLE} besides the default ones (a TLS-inspecting proxy, as for gcloud's Python
 * libraries). One pair per proxy and CA setting, reused: a JDK client owns a selector thread.
 */
final class GcpHttp {
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY");
    static final String CA_BUNDLE = "REQUESTS_CA_BUNDLE";

    private record Clients(HttpTransport transport, HttpClient client) {
    }

    private final Optional<SSLContext> tls;
    private final Map<String, Clients> byProxySetting = new ConcurrentHashMap<>();

    /** @param tls the trust for Google's endpoints; empty for the JDK's default one (plus {@code REQUESTS_CA_BUNDLE}) */
    GcpHttp(Optional<SSLContext> tls) {
        this.tls = tls;
    }

    HttpTransport transport(ProviderContext context) {
        return clients(context).transport();
    }

    HttpClient client(ProviderContext context) {
        return clients(context).client();
    }

    private Clients clients(ProviderContext context) {
        Map<String, String> proxyEnv = new java.util.TreeMap<>();
        for (String name : PROXY_VARIABLES) {
            context.env(name).or(() -> context.env(name.toLowerCase(Locale.ROOT))).ifPresent(v -> proxyEnv.put(name, v));
        }
        Optional<String> caBundle = context.env(CA_BUNDLE).filter(v -> !v.isBlank());
        return byProxySetting.computeIfAbsent(proxyEnv + " " + CA_BUNDLE + "=" + caBundle.orElse(""),
                key -> create(EnvProxySelector.fromEnvironment(proxyEnv), trust(caBundle)));
    }

    /** The trust given at construction, else the default one with the bundle's CAs added. */
    private Optional<SSLContext> trust(Optional<String> caBundle) {
        if (tls.isPresent() || caBundle.isEmpty()) {
            return tls;
        }
        return Optional.of(SslContexts.forSettings(new TlsSettings(List.of(Path.of(caBundle.get())), false)));
    }

    private Clients create(Optional<ProxySelector> proxies, Optional<SSLContext> tls) {
        NetHttpTransport.Builder transport = new NetHttpTransport.Builder();
        tls.ifPresent(context -> transport.setSslSocketFactory(context.getSocketFactory()));
        proxies.ifPresent(selector -> transport.setConnectionFactory(url -> {
            try {
                return (HttpURLConnection) url.openConnection(first(selector.select(url.toURI())));
            } catch (URISyntaxException e) {
                throw new java.io.IOException("not a valid URL: " + url, e);
            }
        }));
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(client::sslContext);
        proxies.ifPresent(client::proxy);
        return new Clients(transport.build(), client.build());
    }

    private static Proxy first(List<Proxy> proxies) {
        return proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.getFirst();
    }
}
