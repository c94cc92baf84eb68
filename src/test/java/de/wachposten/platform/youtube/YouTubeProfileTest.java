package de.wachposten.platform.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.Feed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Channel resources of the Data API and feed titles, mapped to profiles. */
class YouTubeProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChannelResourceMapsTitleHandleDescriptionThumbnailAndBanner() throws Exception {
        Profile p = YouTubeProfile.fromChannel(JSON.readTree("""
                {"kind":"youtube#channel","etag":"x","id":"UCexampleChannelId000000",
                 "snippet":{"title":"Sachsen 🎥 Regierung","description":"Videos der Staatsregierung.\\nImpressum: https://www.sachsen.de",
                   "customUrl":"@sachsen","publishedAt":"2012-03-01T10:00:00Z",
                   "thumbnails":{"default":{"url":"https://yt3.ggpht.com/abc=s88-c-k-c0x00ffffff-no-rj","width":88,"height":88},
                                 "high":{"url":"https://yt3.ggpht.com/abc=s800-c-k-c0x00ffffff-no-rj","width":800,"height":800}},
                   "localized":{"title":"Sachsen 🎥 Regierung","description":"…"},"country":"DE"},
                 "brandingSettings":{"channel":{"title":"Sachsen 🎥 Regierung"},
                   "image":{"bannerExternalUrl":"https://yt3.googleusercontent.com/banner1"}}}
                """));

        assertThat(p.fields()).isEqualTo(Map.of(
                "display_name", "Sachsen 🎥 Regierung",
                "username", "@sachsen",
                "note", "Videos der Staatsregierung.\nImpressum: https://www.sachsen.de",
                "avatar", "https://yt3.ggpht.com/abc=s88-c-k-c0x00ffffff-no-rj",
                "header", "https://yt3.googleusercontent.com/banner1"));
    }

    @Test
    void aChannelWithoutHandleBannerOrDefaultThumbnailFallsBackOrStaysEmpty() throws Exception {
        Profile p = YouTubeProfile.fromChannel(JSON.readTree("""
                {"id":"UCexampleChannelId000000","snippet":{"title":"Landratsamt",
                 "thumbnails":{"high":{"url":"https://yt3.ggpht.com/h=s800"}}},"brandingSettings":{"channel":{}}}
                """));

        assertThat(p.fields()).containsEntry("display_name", "Landratsamt").containsEntry("note", "")
                .containsEntry("username", "").containsEntry("header", "")
                .containsEntry("avatar", "https://yt3.ggpht.com/h=s800");
    }

    @Test
    void fromTheFeedOnlyTheTitleIsVisibleAndAnUntitledFeedShowsNoProfile() {
        assertThat(YouTubeProfile.fromFeed(new Feed("atom", " Staatsministerium ", null, List.of())).fields())
                .isEqualTo(Map.of("display_name", "Staatsministerium"));
        assertThat(YouTubeProfile.fromFeed(new Feed("atom", "", null, List.of()))).isNull();
    }
}
