package de.wachposten.rules.classifier;

import java.util.Objects;

/**
 * A text with its gold label.
 *
 * @param text      the text, line breaks as {@code \n}
 * @param offensive true for {@code OFFENSE}, false for {@code OTHER}
 */
public record Labelled(String text, boolean offensive) {
    public Labelled {
        Objects.requireNonNull(text, "text");
    }
}
