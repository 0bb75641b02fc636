import QKModel
import QKTheory
import QKClaims

extension ClaimDiagnosis {
    /// Diagnoses a claim of a check (see ``ClaimDiagnosis``) from the check's own tests.
    ///
    /// - Throws: what `confirm` throws.
    public init(_ claim: Claim, in check: ClaimCheck, maxTerms: Int = MonomialFit.maxTerms,
                confirm: (Claim) throws -> Confirmation) rethrows {
        try self.init(claim, observations: ClaimDiagnosis.observations(of: claim, in: check), maxTerms: maxTerms, confirm: confirm)
    }

    /// The observations a check gives of a claim: one per test made, with the cell's variables, the
    /// estimate, its own standard error, the claimed value and whether the test was rejected.
    ///
    /// A variance test divides by the standard error under the claim (claimed x estimated relative
    /// SE); the estimate's own is recovered from it. A scale claim is observed through s^2 = Var(T):
    /// its variance test of T / s gives Var(T) against s^2; its mean test is left out.
    public static func observations(of claim: Claim, in check: ClaimCheck) -> [Observation] {
        zip(check.tests, check.rejected).compactMap { test, rejected in
            guard test.claim == claim, test.isTested else { return nil }
            let values = variables(test)
            if test.isScaled {
                guard test.statistic == .variance else { return nil }
                let s = claim.formula.evaluate(test.cell), s2 = s * s
                let estimate = test.estimate * s2
                let se = test.estimate > 0 ? test.standardError * estimate : test.standardError * s2
                return Observation(values: values, estimate: estimate, standardError: se, claimed: s2, failed: rejected)
            }
            var se = test.standardError
            if test.statistic == .variance && test.claimed > 0 && test.estimate > 0 {
                se = test.standardError * test.estimate / test.claimed
            }
            return Observation(values: values, estimate: test.estimate, standardError: se, claimed: test.claimed, failed: rejected)
        }
    }

    /// The grid variables' values where a test was made (those defined there).
    static func variables(_ test: ClaimComparison) -> [Formula.Variable: Double] {
        var values: [Formula.Variable: Double] = [:]
        for variable in Formula.Variable.allCases where variable != .pi && !variable.isAttention {
            let x = variable.value(in: test.cell)
            if x.isFinite { values[variable] = x }
        }
        if let attention = test.attention {
            values[.keys] = Double(attention.keys)
            values[.tau] = attention.tau
        }
        return values
    }
}
