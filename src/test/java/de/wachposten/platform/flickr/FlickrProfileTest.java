package de.wachposten.platform.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code flickr.people.getInfo} persons and public feed titles as profiles, from Flickr's wire format. */
class FlickrProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NSID = "12345678@N02";

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void aFullPersonMapsRealNameUsernameDescriptionBuddyIconAndProfileUrl() throws Exception {
        JsonNode person = json("""
                {"id":"12345678@N02","nsid":"12345678@N02","ispro":1,"is_deleted":0,"iconserver":"65535","iconfarm":66,
                 "path_alias":"sachsen","username":{"_content":"sachsen.de"},
                 "realname":{"_content":"Sächsische Staatskanzlei 🏛️"},"location":{"_content":"Dresden"},
                 "description":{"_content":"Offizielle Fotos der &lt;b&gt;Staatsregierung&lt;/b&gt;.\\n<a href=\\"https://www.sachsen.de\\">sachsen.de</a>"},
                 "photosurl":{"_content":"https://www.flickr.com/photos/sachsen/"},
                 "profileurl":{"_content":"https://www.flickr.com/people/sachsen/"},
                 "photos":{"firstdatetaken":{"_content":"2010-04-01 10:00:00"},"count":{"_content":1234}}}
                """);

        assertThat(FlickrProfile.fromPerson(person, NSID).fields()).isEqualTo(Map.of(
                "display_name", "Sächsische Staatskanzlei 🏛️", "username", "sachsen.de",
                "note", "Offizielle Fotos der <b>Staatsregierung</b>.\nsachsen.de",
                "avatar", "https://farm66.staticflickr.com/65535/buddyicons/12345678@N02.jpg",
                "links", "https://www.flickr.com/people/sachsen/"));
    }

    @Test
    void withoutRealNameTheUsernameIsTheDisplayNameAndMissingFieldsAreEmpty() throws Exception {
        JsonNode person = json("""
                {"id":"12345678@N02","nsid":"12345678@N02","iconserver":"0","iconfarm":0,
                 "username":{"_content":"Landratsamt Bautzen"},"realname":{"_content":""}}
                """);

        assertThat(FlickrProfile.fromPerson(person, NSID).fields()).isEqualTo(Map.of(
                "display_name", "Landratsamt Bautzen", "username", "Landratsamt Bautzen", "note", "",
                "avatar", FlickrProfile.DEFAULT_ICON, "links", ""));
    }

    @Test
    void theBuddyIconNamesTheAccountEvenWhenThePersonOmitsItsNsid() throws Exception {
        JsonNode person = json("{\"iconserver\":\"7372\",\"iconfarm\":8,\"username\":{\"_content\":\"x\"}}");

        assertThat(FlickrProfile.fromPerson(person, NSID).fields()).containsEntry("avatar",
                "https://farm8.staticflickr.com/7372/buddyicons/12345678@N02.jpg");
    }

    @Test
    void thePublicFeedTitleGivesTheDisplayNameOnly() throws Exception {
        assertThat(FlickrProfile.fromFeed(json("{\"title\":\"Uploads from Polizei Sachsen 🚓\",\"items\":[]}"))
                .fields()).isEqualTo(Map.of("display_name", "Polizei Sachsen 🚓"));
        assertThat(FlickrProfile.fromFeed(json("{\"title\":\"Stadt & Land\",\"items\":[]}")).fields())
                .isEqualTo(Map.of("display_name", "Stadt & Land"));
        assertThat(FlickrProfile.fromFeed(json("{\"title\":\"\",\"items\":[]}"))).isNull();
        assertThat(FlickrProfile.fromFeed(json("{\"items\":[]}"))).isNull();
    }
}
