package de.wachposten.platform.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML without resolving anything outside the document: no external entities, no external DTD or
 * schema, entity expansion bounded by the JDK's secure-processing limits. A document type declaration is accepted
 * (old RSS 0.91 feeds carry one) but its external parts are never fetched and external entity references stay
 * unresolved; every {@code SYSTEM}/{@code PUBLIC} lookup is answered with an empty stream.
 */
public final class SafeXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    /** The document is not well-formed XML; the message names line and column. */
    public static final class XmlException extends Exception {
        XmlException(String message) {
            super(message, null, false, false);
        }
    }

    private SafeXml() {}

    /** Parses {@code bytes} (encoding from the XML declaration or BOM, UTF-8 by default), namespace-aware. */
    public static Document parse(byte[] bytes) throws XmlException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setEntityResolver((publicId, systemId) -> new InputSource(InputStream.nullInputStream()));
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new XmlException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (org.xml.sax.SAXException | IOException e) {
            throw new XmlException("unknown position: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without secure processing", e);
        }
    }

    /** The XML text of {@code node}, for the raw payload kept as evidence. */
    public static String serialize(Node node) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return "";
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without secure processing", e);
        }
    }
}
