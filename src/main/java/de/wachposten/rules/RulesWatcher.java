package de.wachposten.rules;

import de.wachposten.rules.classifier.ClassifierFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a rules directory on a virtual thread and calls {@link LiveRules#reload} when any rule file was added,
 * removed or changed (path, size and modification time). Polling, unlike a WatchService, also sees changes in
 * sub-directories created later and on file systems without change events.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final LiveRules rules;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private String last;

    private RulesWatcher(LiveRules rules, Duration interval) {
        this.rules = rules;
        this.interval = interval;
        this.last = fingerprint(rules.dir());
        this.thread = Thread.ofVirtual().name("wachposten-rules-watch").unstarted(this::loop);
    }

    /** Starts watching {@code rules.dir()} every {@code interval}. */
    public static RulesWatcher start(LiveRules rules, Duration interval) {
        RulesWatcher w = new RulesWatcher(rules, interval);
        w.thread.start();
        return w;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            String now = fingerprint(rules.dir());
            if (!now.equals(last)) {
                last = now;
                try {
                    rules.reload();
                } catch (RuntimeException e) {
                    LOG.warn("reloading the rules in {} failed: {}", rules.dir(), e.toString());
                }
            }
        }
    }

    /** Path, size and modification time of every rule file and classifier model below {@code dir}; empty when it does not exist. */
    static String fingerprint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> RuleLoader.isRuleFile(p) || ClassifierFiles.isModelFile(p)).sorted().forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    b.append(p).append('|').append(a.size()).append('|').append(a.lastModifiedTime().toMillis()).append('\n');
                } catch (IOException e) {
                    b.append(p).append("|?\n");
                }
            });
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
        return b.toString();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
