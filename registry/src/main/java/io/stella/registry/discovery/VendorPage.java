package io.stella.registry.discovery;

import java.net.URI;
import java.net.http.HttpHeaders;

/** A parsed 2xx answer of a vendor API, with the headers that carry pagination and the URL it came from. */
record VendorPage<T>(T body, HttpHeaders headers, URI url) {
}
