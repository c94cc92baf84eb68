package de.wachposten.console;

import de.wachposten.api.Access;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.User;
import java.util.ArrayList;
import java.util.List;

/** What the console's pages share: the channels a user may see, as a choice and as a check of a form field. */
final class Pages {
    private Pages() {}

    /** The channel {@code id} when {@code user} sees its office; null when unknown or another office's (→ 404). */
    static ChannelConfig visibleChannel(Config config, User user, String id) {
        if (id == null) {
            return null;
        }
        return config.channel(id).filter(c -> Access.sees(user, c.officeId())).orElse(null);
    }

    /** The channels {@code user} sees as options, {@code selected} chosen; first an "any" option when {@code any}. */
    static List<Views.Option> channelOptions(Config config, User user, String selected, String any) {
        List<Views.Option> out = new ArrayList<>();
        if (any != null) {
            out.add(new Views.Option("", any, selected == null));
        }
        for (ChannelConfig c : new Access(config).visibleChannels(user)) {
            out.add(new Views.Option(c.id(), c.name() == null ? c.id() : c.id() + " – " + c.name(),
                    c.id().equals(selected)));
        }
        return out;
    }
}
