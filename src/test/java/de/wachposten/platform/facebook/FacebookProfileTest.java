package de.wachposten.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page objects as the Graph API returns them, mapped to profiles. */
class FacebookProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Profile map(String json) throws Exception {
        return FacebookProfile.toProfile(JSON.readTree(json));
    }

    @Test
    void aFullPageMapsNameAboutPicturesAndWebsiteWithoutTheCdnSignature() throws Exception {
        Profile p = map("""
                {"id":"104000000000000","name":"Sächsisches Staatsministerium für Soziales 🇩🇪",
                 "username":"SozialministeriumSachsen","about":"Offizielle Seite des SMS",
                 "description":"Impressum: https://www.sms.sachsen.de/impressum",
                 "website":"https://www.sms.sachsen.de ","link":"https://www.facebook.com/SozialministeriumSachsen",
                 "picture":{"data":{"height":50,"is_silhouette":false,
                   "url":"https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/301_n.jpg?stp=c0.0.50.50a&_nc_cat=108&oh=00_AYA1&oe=67A1B2C3","width":50}},
                 "cover":{"cover_id":"1040","offset_x":50,"offset_y":50,
                   "source":"https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-6/302_n.jpg?_nc_cat=1&oh=00_AYB2&oe=67A1B2C4","id":"1040"}}
                """);

        assertThat(p.fields()).isEqualTo(Map.of(
                "display_name", "Sächsisches Staatsministerium für Soziales 🇩🇪",
                "username", "SozialministeriumSachsen",
                "note", "Offizielle Seite des SMS",
                "description", "Impressum: https://www.sms.sachsen.de/impressum",
                "avatar", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/301_n.jpg",
                "header", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-6/302_n.jpg",
                "links", "https://www.sms.sachsen.de"));
    }

    @Test
    void fieldsGraphLeavesOutMapToEmptyStrings() throws Exception {
        Profile p = map("{\"id\":\"104000000000000\",\"name\":\"Landkreis Görlitz\"}");

        assertThat(p.fields()).containsEntry("display_name", "Landkreis Görlitz").containsEntry("note", "")
                .containsEntry("avatar", "").containsEntry("header", "").containsEntry("links", "")
                .containsEntry("username", "").containsEntry("description", "");
    }

    @Test
    void aNewSignatureOnTheSamePictureIsNoChange() throws Exception {
        String before = "{\"id\":\"1\",\"picture\":{\"data\":{\"url\":\"https://scontent.xx.fbcdn.net/v/p/1_n.jpg?oh=00_A&oe=1\"}}}";
        String after = "{\"id\":\"1\",\"picture\":{\"data\":{\"url\":\"https://scontent.xx.fbcdn.net/v/p/1_n.jpg?oh=00_B&oe=2\"}}}";

        assertThat(map(before)).isEqualTo(map(after));
    }
}
