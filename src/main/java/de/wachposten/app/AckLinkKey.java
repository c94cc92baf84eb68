package de.wachposten.app;

import de.wachposten.alert.AckLinks;
import de.wachposten.config.Config;
import de.wachposten.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Where the key that signs acknowledgement links comes from: {@code server.link_secret} when configured, else a
 * random 32-byte key generated at the first start and kept in the store (setting {@value #SETTING}), so links stay
 * valid across restarts.
 */
final class AckLinkKey {
    /** Name of the store setting that holds the generated key. */
    static final String SETTING = "ack_link_key";

    private AckLinkKey() {}

    /** The link signer of the daemon; reads or creates the stored key (blocking: call off the event loop). */
    static AckLinks links(Config config, Store store, Clock clock) {
        byte[] key;
        var configured = config.server().linkSecret();
        if (configured != null && configured.isSet()) {
            key = configured.reveal().getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            key = Base64.getDecoder().decode(store.setting(SETTING, Base64.getEncoder().encodeToString(fresh)));
        }
        return new AckLinks(key, config.server().publicUrl().toString(), AckLinks.DEFAULT_VALIDITY, clock);
    }
}
