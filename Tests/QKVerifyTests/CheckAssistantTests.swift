import Foundation
import Testing
@testable import QKModel
@testable import QKTheory
@testable import QKClaims

/// `check` as an assistant: `--show-theory`'s closed forms equal the tool's exact cumulants, a
/// rejection is diagnosed with a formula confirmed on fresh samples, `--claims attention` judges the
/// seed's conclusion, and `--output-variance` claims are tested against the measured output.
@Suite struct CheckAssistantTests {
    static let quiet = ["--quiet"]

    /// The printed formulas, evaluated at every cell of grids with shared and unshared means and
    /// spreads over four laws, equal ``DotProductTheory``'s mean, variance, skewness and kurtosis.
    @Test(arguments: [false, true])
    func closedFormsEqualTheExactCumulantsInEveryCell(shared: Bool) throws {
        let laws: [CoordinateLaw] = [.gaussian, .uniform, .laplace, .rademacher, .studentT(10)]
        let grid = shared
            ? try Grid(dims: [1, 3, 64], laws: laws, meanPairs: [(-0.7, -0.7), (0, 0), (1.3, 1.3)], sigmaPairs: [(0.6, 0.6), (1.7, 1.7)])
            : try Grid(dims: [1, 3, 64], laws: laws, meanPairs: [(0.5, -1), (0, 2)], sigmaPairs: [(1, 2), (0.3, 0.7)])
        let quantities: [(Claim.Quantity, (DotProductTheory) -> Double)] = [
            (.mean, \.mean), (.variance, \.variance), (.skewness, \.skewness), (.kurtosis, \.excessKurtosis)]
        for (quantity, exact) in quantities {
            let formula = try Formula(parsing: ClosedForm.text(for: quantity, on: grid, attention: false))
            for cell in grid.cells {
                let (a, b) = (formula.evaluate(cell), exact(cell.theory))
                #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(quantity) at \(cell): formula \(a), theory \(b)")
            }
        }
    }

    @Test func closedFormsAreNotClaimedWhereThereIsNone() throws {
        let correlated = try Grid(dims: [4], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)], rhos: [0.5])
        #expect(ClosedForm.text(for: .variance, on: correlated, attention: false).hasPrefix("none"))
        let t3 = try Grid(dims: [4], laws: [.studentT(3)], meanPairs: [(0, 0)], sigmaPairs: [(1, 1)])
        #expect(ClosedForm.text(for: .kurtosis, on: t3, attention: false).hasPrefix("none"))
        #expect(ClosedForm.text(for: .attention(.entropy), on: t3, attention: true).hasPrefix("none"))
    }

    /// A rejected claim is diagnosed: the failures' pattern and a suggestion not rejected on fresh
    /// samples, in text and JSON; `--no-diagnosis` prints neither.
    @Test func aRejectedVarianceIsDiagnosedWithTheRightFormula() throws {
        let args = ["check", "--var", "d*sigma^4", "--dims", "1,4,16", "--samples", "2e4", "--seed", "4"] + Self.quiet
        let r = try CLI.run(args)
        #expect(r.status == 1)
        #expect(r.stdout.contains("  suggested: Var(T) = d*(sigma^4 + 2*mu^2*sigma^2), not rejected on fresh samples (seed stream 13"), "\(r.stdout)")
        #expect(r.stdout.contains("mu != 0"))
        let json = try CLI.run(args + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let claim = try #require((object["claims"] as? [[String: Any]])?.first)
        let diagnosis = try #require(claim["diagnosis"] as? [String: Any])
        #expect(diagnosis["suggested"] as? String == "d*(sigma^4 + 2*mu^2*sigma^2)")
        let plain = try CLI.run(args + ["--no-diagnosis"])
        #expect(plain.status == 1 && !plain.stdout.contains("suggested"))
    }

    /// A kurtosis fitted on three cells: its coefficient (0.30 ± 0.06 over d) singles out no
    /// fraction and three cells cannot tell one term from noise, so no formula is offered.
    @Test func aFitOnTooFewCellsIsNotSuggested() throws {
        let r = try CLI.run(["check", "--kurtosis", "6/d", "--law", "uniform", "--dims", "4,16,64", "--means", "0", "--sigmas", "1"] + Self.quiet)
        #expect(r.status == 1)
        #expect(r.stdout.contains("a constant factor"))
        #expect(r.stdout.contains("  no suggestion: the best fit has 1 term with a coefficient no small fraction fits, too many for 3 cells"), "\(r.stdout)")
        #expect(!r.stdout.contains("suggested:"))
    }

    /// The seed's conclusion on the check's softmax grid: the theory not rejected, both statements
    /// confirmed, exit 0, in text and JSON.
    @Test func claimsAttentionConfirmsTheSeedsPeakedSoftmax() throws {
        let r = try CLI.run(["check", "--claims", "attention"] + Self.quiet)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("NOT REJECTED the exact finite-N theory of the weights") })
        #expect(lines.contains { $0.hasPrefix("CONFIRMED    E[max a] increases with d at tau = 1") })
        #expect(lines.contains { $0.hasPrefix("CONFIRMED    E[max a] is flat in d (each step within 5%) at tau = sqrt(d)") })
        let json = try CLI.run(["check", "--claims", "attention", "--format", "json"] + Self.quiet)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let statements = try #require((object["attention"] as? [String: Any])?["statements"] as? [[String: Any]])
        #expect(statements.map { $0["verdict"] as? String } == ["confirmed", "confirmed"])
    }

    /// At N = 1024 the largest weight at tau = sqrt(d) falls 12% from d = 1 to 2 (the law of |q|^2 / d
    /// narrows): "flat within 5%" is rejected, exit 1; within 0.01% no run can confirm it: undecided, exit 5.
    @Test func claimsAttentionRejectsFlatnessWhereItFailsAndLeavesATinyToleranceUndecided() throws {
        let r = try CLI.run(["check", "--claims", "attention", "--dims", "1,2", "--keys", "1024", "--queries", "20000"] + Self.quiet)
        #expect(r.status == 1, "\(r.stdout)")
        #expect(r.stdout.contains("REJECTED     E[max a] is flat in d (each step within 5%) at tau = sqrt(d)"))
        #expect(r.stdout.contains("CONFIRMED    E[max a] increases with d at tau = 1"))
        let tiny = try CLI.run(["check", "--claims", "attention", "--tolerance", "0.0001", "--queries", "2000"] + Self.quiet)
        #expect(tiny.status == 5, "\(tiny.stdout)")
        #expect(tiny.stdout.contains("UNDECIDED    E[max a] is flat in d (each step within 0.01%)"))
    }

    /// The output's variance: sigma_v^2 / N (uniform weights) is rejected unscaled at d = 16; the REM
    /// limit sigma_v^2 e^{d/tau^2} / N is confirmed within 50% at tau = sqrt(d) (it is 10% off at N = 64).
    @Test func outputVarianceClaimsAreTestedAgainstTheMeasuredOutput() throws {
        let wrong = try CLI.run(["check", "--output-variance", "sigma_v^2/N", "--value-sigma", "2", "--dims", "16", "--queries", "5000", "--no-diagnosis"] + Self.quiet)
        #expect(wrong.status == 1, "\(wrong.stdout)")
        #expect(wrong.stdout.contains("REJECTED     Var(o) = sigma_v^2/N"))
        let limit = try CLI.run(["check", "--output-variance", "sigma_v^2*exp(d/tau^2)/N", "--limit", "--tolerance", "0.5", "--value-sigma", "2",
                                 "--temperatures", "sqrt_d", "--dims", "16", "--queries", "5000"] + Self.quiet)
        #expect(limit.status == 0, "\(limit.stdout)")
    }
}
