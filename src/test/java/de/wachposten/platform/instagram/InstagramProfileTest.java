package de.wachposten.platform.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instagram user objects as the Graph API returns them, mapped to profiles. */
class InstagramProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Profile map(String json) throws Exception {
        return InstagramProfile.toProfile(JSON.readTree(json));
    }

    @Test
    void aFullUserMapsNameUsernameBiographyPictureAndWebsite() throws Exception {
        Profile p = map("""
                {"id":"17841400000000000","username":"sozialministerium.sachsen","name":"Sozialministerium 🌿 Sachsen",
                 "biography":"Offizieller Account.\\nImpressum ⬇️","website":"https://www.sms.sachsen.de/",
                 "profile_picture_url":"https://scontent-ber1-1.cdninstagram.com/v/t51.2885-19/44_n.jpg?stp=dst-jpg_s206x206&_nc_ht=scontent-ber1-1.cdninstagram.com&oh=00_AYC&oe=67B0C1D2"}
                """);

        assertThat(p.fields()).isEqualTo(Map.of(
                "display_name", "Sozialministerium 🌿 Sachsen",
                "username", "sozialministerium.sachsen",
                "note", "Offizieller Account.\nImpressum ⬇️",
                "avatar", "https://scontent-ber1-1.cdninstagram.com/v/t51.2885-19/44_n.jpg",
                "links", "https://www.sms.sachsen.de/"));
    }

    @Test
    void aUserWithoutNameBiographyWebsiteOrPictureHasEmptyFields() throws Exception {
        Profile p = map("{\"id\":\"17841400000000000\",\"username\":\"landkreis_bautzen\"}");

        assertThat(p.fields()).containsEntry("username", "landkreis_bautzen").containsEntry("display_name", "")
                .containsEntry("note", "").containsEntry("avatar", "").containsEntry("links", "")
                .doesNotContainKey("header");
    }
}
