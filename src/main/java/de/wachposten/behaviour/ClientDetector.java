package de.wachposten.behaviour;

import de.wachposten.config.Policy;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.util.Locale;

/**
 * Raises {@code unexpected_client} when the posting client is not in the policy's {@code clients} list; when the
 * list is empty, when the channel's history (at least {@code behaviour.min_posts} posts) never saw the client. Posts
 * whose platform does not expose the client are not checked.
 */
public final class ClientDetector extends PostDetector {

    public ClientDetector() {
        super("client");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        String client = post.client();
        if (client == null || client.isBlank()) {
            return;
        }
        Policy policy = ctx.channel().policy();
        if (!policy.clients().isEmpty()) {
            String wanted = client.trim().toLowerCase(Locale.ROOT);
            boolean allowed = policy.clients().stream().anyMatch(c -> c.trim().toLowerCase(Locale.ROOT).equals(wanted));
            if (!allowed) {
                out.add(finding(ctx.messages().text("client.not_allowed", client, String.join(", ", policy.clients()))));
            }
            return;
        }
        ChannelHistory h = ctx.history();
        if (h.posts() >= Math.max(1, policy.behaviour().minPosts())
                && h.count(ChannelHistory.Feature.CLIENT, client) == 0) {
            out.add(finding(ctx.messages().text("client.never_seen", client, h.posts())));
        }
    }

    private static Finding finding(String detail) {
        return Finding.of(ReasonCode.UNEXPECTED_CLIENT, ReasonCode.UNEXPECTED_CLIENT.defaultSeverity(), detail);
    }
}
