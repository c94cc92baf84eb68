package de.wachposten.app;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of the {@code daemon.started} audit event: version, config file and the SHA-256 of its bytes as read at
 * start (so a reviewer can tell which configuration was in force), and the channels watched.
 */
final class StartupAudit {
    private StartupAudit() {}

    static Map<String, Object> data(Config config) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", Version.get());
        d.put("config", config.source() == null ? "" : config.source().getFileName().toString());
        d.put("config_sha256", configHash(config));
        d.put("channels", config.channels().stream().map(ChannelConfig::id).toList());
        return d;
    }

    /** Hex SHA-256 of the config file, or {@code unreadable: <reason>} when it cannot be read again. */
    static String configHash(Config config) {
        if (config.source() == null) {
            return "none";
        }
        try {
            byte[] bytes = Files.readAllBytes(config.source());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }
}
