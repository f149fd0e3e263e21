package io.stella.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signs JWTs with ES256, carrying the signing certificate in the {@code x5c} header as distribution expects. */
final class JwtSigner {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final IssuedCert signingCert;
    private final ObjectMapper json;

    JwtSigner(IssuedCert signingCert, ObjectMapper json) {
        this.signingCert = signingCert;
        this.json = json;
    }

    String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", "JWT");
            header.put("alg", "ES256");
            header.put("x5c", List.of(Base64.getEncoder().encodeToString(signingCert.certificate().getEncoded())));
            String signingInput = URL.encodeToString(json.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(json.writeValueAsBytes(claims));
            // JWS wants the raw r||s signature, not the DER sequence the plain algorithm produces.
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signingCert.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (JsonProcessingException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }
}
