package de.wachposten.simulator.rss;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Feeds at {@code GET /feeds/<name>.xml} in RSS 2.0 or Atom (README, Platforms: feeds and their window) with a
 * thread-safe scripting API: publish, edit (Atom {@code updated} moves), delete, window size, generator, feed metadata
 * ({@link #setProfile}), Basic auth, redirects. Responses carry {@code ETag} and {@code Last-Modified} and answer
 * conditional requests with 304. Faults are keyed by feed name.
 */
public final class RssSimulator implements FaultPlayer.ErrorStyle {
    /** Route name for request counts. */
    public static final String ROUTE_FEED = "rss.feed";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** The feed dialects: RSS 2.0 and Atom 1.0 as real feeds write them, and the older ones. */
    public enum Format {
        /** RSS 2.0. */
        RSS,
        /** Atom 1.0 (RFC 4287). */
        ATOM,
        /** RSS 0.90 (RDF; items have title and link only). */
        RSS_090,
        /** RSS 0.91 (Netscape, with its doctype). */
        RSS_091,
        /** RSS 0.92. */
        RSS_092,
        /** RSS 1.0 (RDF, Dublin Core dates). */
        RSS_10,
        /** Atom 0.3. */
        ATOM_03
    }

    private final Clock clock;
    private final FaultPlayer player;
    private final Supplier<String> baseUrl;
    private final FeedState state = new FeedState();
    private final Map<String, Format> formats = new HashMap<>();
    private final Map<String, String> basicAuth = new HashMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private final Map<String, SimResponse> raw = new HashMap<>();
    private final Map<String, java.nio.charset.Charset> charsets = new HashMap<>();
    private final java.util.Set<String> gzipped = new java.util.HashSet<>();

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public RssSimulator(Clock clock, FaultPlayer player, Supplier<String> baseUrl) {
        this.clock = clock;
        this.player = player;
        this.baseUrl = baseUrl;
    }

    /** Registers {@code GET /feeds/:file}. */
    public void register(Router router) {
        router.get("/feeds/:file").handler(this::feed);
    }

    /** Creates (or reformats) the feed {@code name}; returns its URL. */
    public synchronized String feed(String name, String title, Format format) {
        state.channel(name, title);
        formats.put(name, format);
        return url(name);
    }

    /** The URL of feed {@code name}. */
    public String url(String name) {
        return baseUrl.get() + "/feeds/" + name + ".xml";
    }

    /**
     * Publishes an item; {@code bodyHtml} becomes the description/content. Returns its guid/id, in the dialects
     * without guid its link.
     */
    public synchronized String publish(String name, String title, String bodyHtml, Instant at) {
        FeedState.Channel c = existing(name);
        Format f = formats.get(name);
        if (f == Format.RSS_090 || f == Format.RSS_091 || f == Format.RSS_092 || f == Format.RSS_10) {
            // no guid in these dialects: the key a reader sees is the item's link
            String base = baseUrl.get();
            return state.add(c, seq -> base + "/news/" + seq, title, bodyHtml, at).id;
        }
        String prefix = f == Format.ATOM || f == Format.ATOM_03 ? "tag:sim.example,2026:" + name + "/" : name + "-";
        return state.add(c, prefix, title, bodyHtml, at).id;
    }

    /** Replaces an item's body; Atom {@code updated} becomes {@code at}. */
    public synchronized void edit(String id, String newBodyHtml, Instant at) {
        FeedState.Entry e = state.entry(id);
        e.body = newBodyHtml;
        e.updated = at;
        e.channel.changedAt = FeedState.max(e.channel.changedAt, at);
    }

    /** Removes an item from the feed. */
    public synchronized void delete(String id) {
        FeedState.Entry e = state.entry(id);
        e.deleted = true;
        e.channel.changedAt = FeedState.max(e.channel.changedAt, clock.instant());
    }

    /** Shows at most {@code n} newest items (0: all). */
    public synchronized void setWindow(String name, int n) {
        existing(name).window = n;
    }

    /** The feed-level generator (null: none). */
    public synchronized void setGenerator(String name, String generator) {
        existing(name).generator = generator;
    }

    /**
     * Changes the feed's own metadata: {@code title}, {@code description} (RSS description, Atom subtitle),
     * {@code image} (RSS image URL, Atom logo) or {@code link} (the site link); null removes the latter three.
     */
    public synchronized void setProfile(String name, String field, String value) {
        FeedState.Channel c = existing(name);
        switch (field) {
            case "title" -> c.title = Objects.requireNonNull(value, "a feed keeps its title");
            case "description" -> c.description = value;
            case "image" -> c.image = value;
            case "link" -> c.link = value;
            default -> throw new IllegalArgumentException("no simulated feed field " + field
                    + "; one of title, description, image, link");
        }
        c.changedAt = FeedState.max(c.changedAt, clock.instant());
    }

    /**
     * Serves feed {@code name} in {@code charset} (named in the XML declaration and the Content-Type) and, when the
     * client accepts it and {@code gzip} is set, gzip-compressed.
     */
    public synchronized void setEncoding(String name, java.nio.charset.Charset charset, boolean gzip) {
        existing(name);
        charsets.put(name, charset);
        if (gzip) {
            gzipped.add(name);
        } else {
            gzipped.remove(name);
        }
    }

    /** Requires HTTP Basic auth with these credentials. */
    public synchronized void requireBasicAuth(String name, String user, String password) {
        basicAuth.put(name, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers requests for feed {@code name} with {@code status} redirecting to {@code location} (null: stop). */
    public synchronized void redirect(String name, int status, String location) {
        if (location == null) {
            redirects.remove(name);
        } else {
            redirects.put(name, status + " " + location);
        }
    }

    /** Serves {@code body} with status 200 and {@code contentType} at {@code /feeds/<name>.xml} instead of a feed. */
    public synchronized String serveRaw(String name, String contentType, String body) {
        raw.put(name, new SimResponse(200, Map.of("Content-Type", contentType), body));
        return url(name);
    }

    @Override
    public SimResponse error(int status) {
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html><html><head><title>" + status + "</title></head><body><h1>Error " + status
                        + "</h1></body></html>");
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        return error(429).withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
    }

    private void feed(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String name = file.endsWith(".xml") ? file.substring(0, file.length() - 4) : file;
        String acceptEncoding = ctx.request().getHeader("Accept-Encoding");
        player.serve(ctx, ROUTE_FEED, name, this, () -> encode(name, acceptEncoding != null
                && acceptEncoding.contains("gzip"), respond(name, ctx.request().getHeader("Authorization"),
                ctx.request().getHeader("If-None-Match"), ctx.request().getHeader("If-Modified-Since"))));
    }

    private synchronized SimResponse respond(String name, String auth, String ifNoneMatch, String ifModifiedSince) {
        String redirect = redirects.get(name);
        if (redirect != null) {
            String[] parts = redirect.split(" ", 2);
            return new SimResponse(Integer.parseInt(parts[0]), Map.of("Location", parts[1]), "");
        }
        if (raw.containsKey(name)) {
            return raw.get(name);
        }
        FeedState.Channel c = state.find(name);
        if (c == null) {
            return error(404);
        }
        if (basicAuth.containsKey(name) && !basicAuth.get(name).equals(auth)) {
            return error(401).withHeader("WWW-Authenticate", "Basic realm=\"feed\"");
        }
        String body = render(formats.get(name), c, baseUrl.get());
        String etag = "\"" + hash(body) + "\"";
        String lastModified = HTTP_DATE.format(c.changedAt.atZone(ZoneOffset.UTC));
        boolean notModified = ifNoneMatch != null ? ifNoneMatch.equals(etag)
                : ifModifiedSince != null && !c.changedAt.isAfter(parse(ifModifiedSince));
        if (notModified) {
            return new SimResponse(304, Map.of("ETag", etag, "Last-Modified", lastModified), "");
        }
        Format f = formats.get(name);
        String type = f == Format.ATOM || f == Format.ATOM_03 ? "application/atom+xml"
                : f == Format.RSS_090 || f == Format.RSS_10 ? "application/rdf+xml" : "application/rss+xml";
        return new SimResponse(200, Map.of("Content-Type", type + "; charset=utf-8", "ETag", etag,
                "Last-Modified", lastModified), body);
    }

    private static String render(Format format, FeedState.Channel c, String base) {
        return switch (format) {
            case RSS -> FeedXml.rss(c, base);
            case ATOM -> FeedXml.atom(c, base);
            case RSS_090 -> FeedXml.rss090(c, base);
            case RSS_091 -> FeedXml.rss09x(c, base, "0.91");
            case RSS_092 -> FeedXml.rss09x(c, base, "0.92");
            case RSS_10 -> FeedXml.rss10(c, base);
            case ATOM_03 -> FeedXml.atom03(c, base);
        };
    }

    /** The response in the feed's charset and, when set and accepted, gzip-compressed. */
    private synchronized SimResponse encode(String name, boolean acceptsGzip, SimResponse r) {
        java.nio.charset.Charset charset = charsets.get(name);
        if (charset == null || r.status() != 200 || raw.containsKey(name)) {
            return r;
        }
        String body = r.body().replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + charset.name() + "\"");
        byte[] bytes = body.getBytes(charset);
        Map<String, String> headers = new HashMap<>(r.headers());
        headers.put("Content-Type", headers.get("Content-Type").replace("charset=utf-8", "charset=" + charset.name()));
        if (acceptsGzip && gzipped.contains(name)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(bytes);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            bytes = out.toByteArray();
            headers.put("Content-Encoding", "gzip");
        }
        return new SimResponse(200, headers, body, bytes);
    }

    private FeedState.Channel existing(String name) {
        FeedState.Channel c = state.find(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated feed " + name);
        }
        return c;
    }

    private static Instant parse(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate, HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String hash(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
