package de.wachposten.app;

import de.wachposten.approval.plan.PlanException;
import de.wachposten.approval.plan.PlanImport;
import de.wachposten.config.Config;
import de.wachposten.model.Approval;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code import-plan --config FILE [--approver ID] PLAN.csv|PLAN.ics}: imports an editorial plan as approvals, all
 * or nothing. Rows without an approver take {@code --approver}. Exit 0 with the count, 2 with every error as
 * {@code file:line: message}, 1 when the store fails.
 */
final class ImportPlanCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImportPlanCommand() {}

    static int run(Config config, Path plan, String approver, Wiring wiring, PrintStream out, PrintStream err) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(plan))).toString();
        } catch (CharacterCodingException e) {
            err.println(plan + ":1: not UTF-8");
            return Cli.INVALID_CONFIG;
        } catch (IOException e) {
            err.println("wachposten: cannot read plan " + plan + ": " + e.getMessage());
            return Cli.FAILED;
        }
        List<Approval> approvals;
        try {
            approvals = new PlanImport(config, ImportPlanCommand::newId)
                    .read(plan.toString(), null, content, approver, null, wiring.clock().instant());
        } catch (PlanException e) {
            e.errors().forEach(err::println);
            err.println(plan + ": nothing imported (" + e.errors().size() + " errors)");
            return Cli.INVALID_CONFIG;
        }
        try (Store store = wiring.openStore(config)) {
            store.addApprovals(approvals);
        } catch (StoreException | IllegalStateException e) {
            err.println("wachposten: import of " + plan + " failed, nothing imported: " + e.getMessage());
            return Cli.FAILED;
        }
        out.println(plan + ": imported " + approvals.size() + " approvals");
        return Cli.OK;
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "ap-" + HexFormat.of().formatHex(b);
    }
}
