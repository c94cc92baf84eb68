package de.wachposten.app;

import de.wachposten.config.Config;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.StoreCopy;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * {@code migrate-store --from CONFIG --to CONFIG}: copies the store of one config into the (empty) store of another,
 * SQLite into PostgreSQL or back, with every row and the audit chain as it was, then verifies the target's chain.
 */
final class MigrateStoreCommand {

    private MigrateStoreCommand() {}

    static int run(Config from, Config to, Wiring wiring, PrintStream out, PrintStream err) {
        if (from.store().describe().equals(to.store().describe())) {
            err.println("wachposten migrate-store: --from and --to name the same store " + from.store().describe());
            return Cli.USAGE;
        }
        try (Store source = wiring.openExistingStore(from); Store target = wiring.openStore(to)) {
            StoreCopy.Result r = StoreCopy.copy((JdbcStore) source, (JdbcStore) target);
            String tables = r.rows().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            out.println("copied " + r.total() + " rows from " + from.store().describe() + " to "
                    + to.store().describe() + (tables.isEmpty() ? "" : ": " + tables));
            out.println(to.store().describe() + ": audit log " + (r.audit().ok() ? "intact (" + r.audit().records()
                    + " records)" : "damaged at record " + r.audit().firstBad() + ": " + r.audit().problem()));
            return r.audit().ok() ? Cli.OK : Cli.FAILED;
        } catch (StoreException e) {
            err.println("wachposten migrate-store: " + e.getMessage());
            return Cli.FAILED;
        }
    }
}
