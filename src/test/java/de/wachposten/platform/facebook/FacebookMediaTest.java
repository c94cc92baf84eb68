package de.wachposten.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.model.Media;
import org.junit.jupiter.api.Test;

/** Media of Graph API page post attachments, written after the documented {@code StoryAttachment} shape. */
class FacebookMediaTest {

    @Test
    void photosVideosAndAlbumPhotosBecomeMediaButALinkShareDoesNot() throws Exception {
        var attachments = new ObjectMapper().readTree("""
                {"data":[
                  {"media_type":"photo","type":"photo","description":"Ministerin beim Termin",
                   "media":{"image":{"src":"https://scontent.example/p.jpg","height":720,"width":960}}},
                  {"media_type":"video","type":"video_inline",
                   "media":{"image":{"src":"https://scontent.example/v.jpg"},"source":"https://video.example/v.mp4"}},
                  {"media_type":"album","type":"album","subattachments":{"data":[
                    {"media_type":"photo","media":{"image":{"src":"https://scontent.example/a1.jpg"}}}]}},
                  {"media_type":"link","type":"share","unshimmed_url":"https://www.example.de/foerderung"}]}""");

        assertThat(FacebookConnector.media(attachments)).containsExactly(
                new Media("image", "https://scontent.example/p.jpg", "Ministerin beim Termin"),
                new Media("video", "https://video.example/v.mp4", null),
                new Media("image", "https://scontent.example/a1.jpg", null));
    }
}
