package de.wachposten.rules;

import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Raises {@code flagged_content} (rule {@value #RULE_ID}, category {@code suspicious_link}) when a post links to a
 * domain outside its channel's {@code link_domains} allowlist; subdomains of an allowed domain are allowed. Channels
 * without an allowlist are not checked. Links come from the connector (expanded where the platform gives the target).
 */
public final class LinkDomainDetector extends PostDetector {
    public static final String RULE_ID = "link-domain-not-allowed";

    public LinkDomainDetector() {
        super("link_domains");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        if (policy.linkDomains().isEmpty() || post.links().isEmpty()) {
            return;
        }
        Set<String> foreign = new LinkedHashSet<>();
        for (String link : post.links()) {
            String host = host(link);
            if (host == null || !allowed(host, policy.linkDomains())) {
                foreign.add(host == null ? link : host);
            }
        }
        if (!foreign.isEmpty()) {
            out.add(new Finding(ReasonCode.FLAGGED_CONTENT, Severity.MEDIUM,
                    "links to " + String.join(", ", foreign) + ", not in the channel's link_domains ("
                            + String.join(", ", policy.linkDomains()) + ")",
                    RULE_ID, "suspicious_link", List.copyOf(foreign)));
        }
    }

    static boolean allowed(String host, List<String> domains) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /** The lower-case host of an http(s) link without {@code www.}, or null when it has none. */
    static String host(String link) {
        try {
            String h = URI.create(link.trim()).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
