package de.wachposten.approval;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.approval.plan.PlanImportTestConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four-eyes rule, as approvals, drafts and plan imports ask it. */
class FourEyesTest {
    private final FourEyes rule = new FourEyes(PlanImportTestConfig.config());

    @Test
    void aDrafterAndADifferentApproverMayRecordAnApproval() {
        assertThat(rule.approval("anna", "bernd", "sms-presse")).isEmpty();
    }

    @Test
    void nobodyApprovesTheirOwnTextEvenWithBothRoles() {
        assertThat(rule.approval("dora", "dora", "sms-presse")).singleElement().satisfies(v -> {
            assertThat(v.fourEyes()).isTrue();
            assertThat(v.byApprover()).isTrue();
            assertThat(v.line()).isEqualTo("four-eyes: dora cannot approve a text drafted by dora");
        });
        assertThat(rule.draftApproval("dr-1", "dora", "dora", "sms-presse")).get()
                .extracting(FourEyes.Violation::problem)
                .isEqualTo("four-eyes: dora cannot approve draft dr-1 they drafted themselves");
    }

    @Test
    void namesEveryMissingRoleAndUnknownUserWithItsField() {
        List<FourEyes.Violation> v = rule.approval("bernd", "anna", "sms-presse");
        assertThat(v).extracting(FourEyes.Violation::line).containsExactly(
                "drafted_by: user bernd lacks the drafter role for office sms-presse",
                "approved_by: user anna lacks the approver role for office sms-presse");
        assertThat(v).extracting(FourEyes.Violation::byApprover).containsExactly(false, true);
        assertThat(rule.approval("zoe", null, "sms-presse")).extracting(FourEyes.Violation::line)
                .containsExactly("drafted_by: unknown user 'zoe'", "approved_by missing");
    }

    @Test
    void rolesCountOnlyForTheirOwnOffice() {
        assertThat(rule.approval("anna", "bernd", "smk-presse")).extracting(FourEyes.Violation::field)
                .containsExactly(FourEyes.DRAFTED_BY, FourEyes.APPROVED_BY);
        assertThat(rule.submission("anna", "sms-presse")).isEmpty();
        assertThat(rule.submission("bernd", "sms-presse")).get().extracting(FourEyes.Violation::problem)
                .isEqualTo("user bernd lacks the drafter role for office sms-presse");
    }
}
