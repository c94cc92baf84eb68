package de.wachposten.platform.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.model.Media;
import org.junit.jupiter.api.Test;

/** Media of Instagram Graph API media objects ({@code media_type}, {@code media_url}, {@code children}). */
class InstagramMediaTest {

    @Test
    void anImageAReelAndTheChildrenOfACarouselBecomeMedia() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var image = json.readTree("{\"id\":\"1\",\"media_type\":\"IMAGE\",\"media_url\":\"https://cdn.example/1.jpg\"}");
        var reel = json.readTree("{\"id\":\"2\",\"media_type\":\"VIDEO\",\"media_product_type\":\"REELS\","
                + "\"media_url\":\"https://cdn.example/2.mp4\"}");
        var carousel = json.readTree("""
                {"id":"3","media_type":"CAROUSEL_ALBUM","media_url":"https://cdn.example/3.jpg","children":{"data":[
                  {"id":"31","media_type":"IMAGE","media_url":"https://cdn.example/31.jpg"},
                  {"id":"32","media_type":"VIDEO","media_url":"https://cdn.example/32.mp4"}]}}""");

        assertThat(InstagramConnector.media(image)).containsExactly(new Media("image", "https://cdn.example/1.jpg", null));
        assertThat(InstagramConnector.media(reel)).containsExactly(new Media("video", "https://cdn.example/2.mp4", null));
        assertThat(InstagramConnector.media(carousel)).containsExactly(
                new Media("image", "https://cdn.example/31.jpg", null), new Media("video", "https://cdn.example/32.mp4", null));
    }
}
