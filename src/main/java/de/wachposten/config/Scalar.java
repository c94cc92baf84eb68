package de.wachposten.config;

import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One scalar from the file with its environment references resolved.
 *
 * @param raw     the text as written in the file (safe to quote in messages)
 * @param outcome the substitution result
 * @param line    1-based line of the value
 */
record Scalar(String raw, EnvSubstitution.Outcome outcome, int line) {
    private static final String REFERENCE_HINT =
            "(expected ${NAME} with letters, digits and _; write $${ for a literal ${)";

    static Scalar of(ScalarNode node, Map<String, String> env) {
        return new Scalar(node.getValue(), EnvSubstitution.apply(node.getValue(), env), Nodes.line(node));
    }

    /** The substituted value, whether or not every variable was set. */
    String value() {
        return outcome.value();
    }

    /**
     * The substituted value for a non-secret field; null after recording an error when a reference is malformed or
     * a variable is not set. {@code where} names the field, e.g. {@code 'url' in sink 'sms-presse#0:webhook'}.
     */
    String resolved(Problems problems, String where) {
        if (outcome.syntax() != null) {
            problems.error(line, "bad environment reference '" + outcome.syntax() + "' in " + where + " "
                    + REFERENCE_HINT);
            return null;
        }
        if (!outcome.missing().isEmpty()) {
            problems.error(line, "environment variable " + outcome.missing().getFirst() + " is not set (" + where
                    + ")");
            return null;
        }
        return outcome.value();
    }

    /**
     * The value as a {@link Secret}. An unset variable is not an error: the secret is {@link Secret#unset} and a
     * warning names the variable and {@code context} (e.g. {@code channel sms-twitter, credential bearer_token}).
     */
    Secret secret(Problems problems, String context, String where) {
        if (outcome.syntax() != null) {
            // the malformed text is part of a secret, so it is not quoted
            problems.error(line, "bad environment reference in " + where + " " + REFERENCE_HINT);
            return null;
        }
        if (!outcome.missing().isEmpty()) {
            String var = outcome.missing().getFirst();
            problems.warn(line, "environment variable " + var + " is not set (" + context + ")");
            return Secret.unset(var);
        }
        return Secret.of(outcome.value(), outcome.firstVar());
    }
}
