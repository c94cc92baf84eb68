package de.wachposten.rules.classifier;

import de.wachposten.config.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled texts: the GermEval 2018 file format and the project's own examples file. */
public final class Corpus {
    /** The GermEval 2018 training file below a data directory. */
    public static final String GERMEVAL = "germeval2018/germeval2018.training.txt";
    /** The LDNOOBW German word list below a data directory. */
    public static final String LEXICON = "lexicons/ldnoobw-de/de";

    private Corpus() {
    }

    /**
     * The tweets of a GermEval 2018 file (tab-separated: text with {@code |LBR|} for line breaks, {@code OFFENSE} or
     * {@code OTHER}, fine label), in file order.
     */
    public static List<Labelled> germEval(Path file) {
        List<Labelled> out = new ArrayList<>();
        for (String l : lines(file)) {
            String[] f = l.split("\t");
            if (f.length == 3) {
                out.add(new Labelled(f[0].replace("|LBR|", "\n"), f[1].equals("OFFENSE")));
            }
        }
        return out;
    }

    /**
     * The examples file: one {@code text<TAB>OFFENSE|OTHER} per line; blank lines and lines starting with {@code #}
     * are skipped. A line of another form is an error with its line number.
     */
    public static List<Labelled> examples(Path file, List<ConfigError> errors) {
        return exampleLines(file, errors).stream().map(Line::example).toList();
    }

    /** An example and its line. */
    record Line(Labelled example, int line) {
    }

    static List<Line> exampleLines(Path file, List<ConfigError> errors) {
        List<Line> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int tab = l.lastIndexOf('\t');
            String label = tab < 0 ? "" : l.substring(tab + 1).strip();
            if (tab <= 0 || !(label.equals("OFFENSE") || label.equals("OTHER"))) {
                errors.add(new ConfigError(file, i + 1, "expected text<TAB>OFFENSE or text<TAB>OTHER"));
                continue;
            }
            out.add(new Line(new Labelled(l.substring(0, tab).strip(), label.equals("OFFENSE")), i + 1));
        }
        return out;
    }

    /** The words of a lexicon file, one a line. */
    public static List<String> words(Path file) {
        return lines(file).stream().map(String::strip).filter(w -> !w.isEmpty() && !w.startsWith("#")).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
