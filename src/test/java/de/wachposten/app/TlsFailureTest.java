package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.PlatformException;
import de.wachposten.testkit.SimChannel;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connector, pointed with {@code https://} at a server that does not speak TLS (the simulator, plain HTTP):
 * the poll fails as {@code network}, and the message says it is a TLS failure and names platform and channel.
 */
class TlsFailureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T09:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"mastodon", "twitter", "bluesky", "rss", "youtube", "flickr", "facebook", "instagram"})
    void aTlsFailureFailsThePollAsNetworkNamingTheChannel(String platform, @TempDir Path dir) throws Exception {
        SimChannel channel = SimChannel.create(stack.sim(), platform, 1);
        channel.publish("Beitrag", CLOCK.instant());
        Path plain = stack.writeConfig(dir, "open: {approval: none}\n", List.of(channel), "1m", "open");
        Path tls = dir.resolve("tls.yaml");
        Files.writeString(tls, Files.readString(plain).replace("http://127.0.0.1", "https://127.0.0.1"));
        Config config = ConfigLoader.load(tls, Map.of("HOOK_SECRET", SimStack.SECRET));
        ChannelConfig ch = config.channels().getFirst();
        ConnectorFactory factory = Wiring.defaults().connectors().get(platform);

        Throwable failure = factory.create(ch, new ConnectorFactory.ConnectorEnv(stack.vertx(),
                WebClient.create(stack.vertx()), CLOCK))
                .fetch(null, List.of()).toCompletionStage().toCompletableFuture()
                .handle((ok, e) -> e).get(20, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(PlatformException.class);
        assertThat(((PlatformException) failure).reason()).isEqualTo(PlatformException.Reason.NETWORK);
        assertThat(failure.getMessage()).contains(platform, ch.id()).containsIgnoringCase("TLS");
    }
}
