package io.stella.registry.aws.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The EC2 Query protocol's XML answers: {@code DescribeRegionsResponse} (region names under
 * {@code regionInfo/item/regionName}) and errors ({@code Response/Errors/Error/Code|Message}).
 */
public final class Ec2QueryXml {
    private Ec2QueryXml() {
    }

    /** An EC2 error answer. */
    public record Error(String code, Optional<String> message) {
    }

    /**
     * @throws IOException when the body is not XML, or not a DescribeRegionsResponse
     */
    public static List<String> regionNames(byte[] body) throws IOException {
        Document document = parse(body);
        if (!"DescribeRegionsResponse".equals(document.getDocumentElement().getLocalName())) {
            throw new IOException("not a DescribeRegionsResponse: <" + document.getDocumentElement().getLocalName() + ">");
        }
        List<String> names = new ArrayList<>();
        NodeList items = document.getElementsByTagNameNS("*", "regionName");
        for (int i = 0; i < items.getLength(); i++) {
            names.add(items.item(i).getTextContent().strip());
        }
        return names;
    }

    public static Optional<Error> error(byte[] body) {
        try {
            NodeList errors = parse(body).getElementsByTagNameNS("*", "Error");
            if (errors.getLength() == 0) {
                return Optional.empty();
            }
            Element error = (Element) errors.item(0);
            return child(error, "Code").map(code -> new Error(code, child(error, "Message")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().strip());
    }

    private static Document parse(byte[] body) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
    }
}
