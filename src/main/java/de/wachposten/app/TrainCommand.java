package de.wachposten.app;

import de.wachposten.config.ConfigError;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.rules.classifier.OffensiveModel;
import de.wachposten.rules.classifier.Trainer;
import de.wachposten.rules.classifier.Training;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code train --data DIR --out FILE [--examples FILE] [--seed N]}: trains the offensive-language classifier and
 * writes the model (atomically: a running daemon's watcher never sees half a file).
 */
final class TrainCommand {
    private TrainCommand() {
    }

    static int run(Map<String, String> opts, PrintStream out, PrintStream err) {
        String data = opts.get("--data");
        String file = opts.get("--out");
        if (data == null || file == null) {
            err.println("usage: wachposten train --data DIR --out FILE [--examples FILE] [--seed N]");
            return Cli.USAGE;
        }
        long seed;
        try {
            seed = Long.parseLong(opts.getOrDefault("--seed", String.valueOf(Trainer.Settings.DEFAULTS.seed())));
        } catch (NumberFormatException e) {
            err.println("wachposten: --seed must be an integer");
            return Cli.USAGE;
        }
        Path examples = Path.of(opts.getOrDefault("--examples", "rules/" + ClassifierFiles.EXAMPLES));
        List<ConfigError> errors = new ArrayList<>();
        Training t;
        try {
            t = Training.read(Path.of(data), examples, errors);
        } catch (UncheckedIOException e) {
            err.println("wachposten: " + e.getMessage());
            return Cli.FAILED;
        }
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            return Cli.INVALID_CONFIG;
        }
        out.println("training on " + String.join("; ", t.sources()));
        OffensiveModel m = t.train(Trainer.Settings.DEFAULTS.withSeed(seed));
        Path target = Path.of(file);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                m.write(o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("wachposten: cannot write " + target + ": " + e.getMessage());
            return Cli.FAILED;
        }
        out.println("wrote " + target + " (" + m.size() + " weights)");
        return Cli.OK;
    }
}
