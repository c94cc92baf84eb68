package de.wachposten.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * The optional {@code --sinks FILE} of the demo: an {@code smtp} block and a list of extra {@code sinks} for the SMS
 * press office (e-mail, chat, Alertmanager…), written in the config's own keys. They are merged into the demo's
 * config as YAML text, so the normal loader validates them like any config.
 */
final class DemoSinks {
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    final String smtpBlock;
    final String sinksBlock;

    private DemoSinks(String smtpBlock, String sinksBlock) {
        this.smtpBlock = smtpBlock;
        this.sinksBlock = sinksBlock;
    }

    /** No extra sinks. */
    static DemoSinks none() {
        return new DemoSinks("", "");
    }

    /** Reads FILE; keys other than {@code smtp} and {@code sinks} are refused with a message naming them. */
    static DemoSinks read(Path file) throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file));
        if (!(root instanceof ObjectNode map)) {
            throw new IOException(file + ": expected a mapping with the keys smtp and sinks");
        }
        for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
            String k = keys.next();
            if (!k.equals("smtp") && !k.equals("sinks")) {
                throw new IOException(file + ": unknown key '" + k + "' (expected smtp and sinks)");
            }
        }
        String smtp = map.has("smtp") ? YAML.writeValueAsString(wrap("smtp", map.get("smtp"))) : "";
        String sinks = map.has("sinks") ? indent(YAML.writeValueAsString(map.get("sinks")), "      ") : "";
        return new DemoSinks(smtp, sinks);
    }

    private static Object wrap(String key, JsonNode value) {
        ObjectNode o = YAML.createObjectNode();
        o.set(key, value);
        return o;
    }

    private static String indent(String yaml, String prefix) {
        return yaml.lines().map(l -> prefix + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
