import Foundation
import QKSupport
import QKModel
import QKSampling
import QKExperiments
import QKVerdicts

/// What `check --claims attention` prints: one line per claim, the verdict word first, as for the
/// user's own claims, with the numbers behind it (each step's means, and the largest step).
public struct AttentionClaimsReport: Sendable {
    /// The judged claims.
    public let check: AttentionClaimsCheck
    /// Queries per cell.
    public let queries: Int

    /// A report of `check`.
    public init(_ check: AttentionClaimsCheck, queries: Int) {
        self.check = check
        self.queries = queries
    }

    /// The lines, one per claim, then the families' alpha.
    public var text: String {
        var lines = [theoryLine] + check.statements.map(line)
        let steps = check.statements.map(\.stepsMade).reduce(0, +)
        lines.append("--claims attention: \(check.theory.testsMade) tests against the exact theory (Holm at alpha \(NumberText.short(check.theory.alpha))) "
                     + "and \(steps) steps in d (at alpha \(NumberText.short(check.statements.first?.alpha ?? 0))), family-wise alpha \(NumberText.format(check.alpha)) in all; \(queries) queries per cell.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The claims as JSON: each with its verdict, and each statement's steps.
    var json: JSONText.Value {
        .object([
            ("alpha", .number(check.alpha)),
            ("theory", .object([("verdict", .string(check.theoryVerdict.rawValue)), ("tests_made", .integer(check.theory.testsMade)),
                                ("failed_rows", .integer(check.theory.failedRows)), ("alpha", .number(check.theory.alpha))])),
            ("statements", .array(check.statements.map { s in .object([
                ("statement", .string(s.statement.description)), ("verdict", .string(s.verdict.rawValue)), ("alpha", .number(s.alpha)),
                ("steps", .array(s.steps.indices.map { i in
                    let step = s.steps[i]
                    return .object([("keys", .integer(step.cell.keys)), ("model", .string(step.cell.model.label)),
                                    ("d1", .integer(step.d1)), ("d2", .integer(step.d2)),
                                    ("mean1", .number(step.m1.value)), ("se1", .number(step.m1.standardError)),
                                    ("mean2", .number(step.m2.value)), ("se2", .number(step.m2.standardError)),
                                    ("change", .number(step.change.value)), ("change_se", .number(step.change.standardError)),
                                    ("p", .number(step.p)), ("supports", .bool(step.supports)), ("rejected", .bool(s.rejected[i])),
                                    ("untested", step.untestedReason.map { .string($0) } ?? .null)])
                }))]) })),
        ])
    }

    /// The statements' steps as CSV, one row a step, each with its statement's verdict.
    var csv: CSVTable {
        var table = CSVTable(header: ["statement", "statement_verdict", "keys", "model", "d1", "d2", "mean1", "se1", "mean2", "se2",
                                      "change", "change_se", "p", "supports", "rejected", "untested"])
        for s in check.statements {
            for (i, step) in s.steps.enumerated() {
                table.append([s.statement.description, s.verdict.rawValue, String(step.cell.keys), step.cell.model.label,
                              String(step.d1), String(step.d2)]
                             + [step.m1.value, step.m1.standardError, step.m2.value, step.m2.standardError, step.change.value,
                                step.change.standardError, step.p].map(NumberText.format)
                             + [String(step.supports), String(s.rejected[i]), step.untestedReason ?? ""])
            }
        }
        return table
    }

    private var theoryLine: String {
        let statistics = SoftmaxStatistic.tested.map(\.claimSymbol).joined(separator: ", ")
        let theory = check.theory
        let what = "the exact finite-N theory of the weights (\(statistics))"
        switch check.theoryVerdict {
        case .rejected:
            let rows = theory.comparisons.indices.filter { !theory.rejected[$0].isEmpty }.map { r -> String in
                let c = theory.comparisons[r]
                return "d = \(c.cell.d), N = \(c.cell.keys), tau = \(c.scale.label): " + theory.rejectedTests(row: r).map(\.claimSymbol).joined(separator: ", ")
            }
            return "\(ClaimVerdict.rejected.word) \(what): fails in \(rows.count) of \(theory.comparisons.count) rows (\(rows.prefix(3).joined(separator: "; ")))"
        case .untested:
            let reason = theory.comparisons.flatMap(\.tests).compactMap(\.untestedReason).first ?? "no test could be made"
            return "\(ClaimVerdict.untested.word) \(what): \(reason)"
        default:
            let largest = theory.comparisons.flatMap(\.tests).filter(\.isTested).map { Swift.abs($0.z) }.max() ?? 0
            return "\(ClaimVerdict.notRejected.word) \(what): \(theory.testsMade) tests in \(theory.comparisons.count) rows, none fails, largest |z| \(NumberStyle.significant(3).text(largest))"
        }
    }

    private func line(_ s: AttentionStatementCheck) -> String {
        let groups = Dictionary(grouping: s.steps) { "\($0.cell.model)-\($0.cell.keys)" }
        let shown = s.steps.first.map { first in s.steps.filter { $0.cell.model == first.cell.model && $0.cell.keys == first.cell.keys } } ?? []
        let style = NumberStyle.significant(4)
        var means = shown.first.map { ["\(style.text($0.m1.value)) (d = \($0.d1))"] } ?? []
        means += shown.map { "\(style.text($0.m2.value)) (d = \($0.d2))" }
        var text = "\(s.verdict.word) \(s.statement)"
        guard !s.steps.isEmpty else { return text + ": needs two dimensions or more" }
        text += ": " + means.joined(separator: ", ")
        if groups.count > 1 { text += " (first of \(groups.count) groups)" }
        let made = s.steps.filter { $0.untestedReason == nil }
        switch s.statement.shape {
        case .increasing:
            let smallest = made.map(\.change.value).min()
            text += smallest.map { "; smallest step z \(NumberStyle.significant(3).text($0))" } ?? ""
        case .flat:
            if let widest = made.max(by: { Swift.abs($0.change.value) < Swift.abs($1.change.value) }) {
                text += String(format: "; largest step %+.2g%% ± %.2g%% (d = %d to %d)", 100 * widest.change.value, 100 * widest.change.standardError, widest.d1, widest.d2)
            }
        }
        let rejected = s.steps.indices.filter { s.rejected[$0] }
        if !rejected.isEmpty {
            text += "; rejected at " + rejected.map { "d = \(s.steps[$0].d1) to \(s.steps[$0].d2)" }.joined(separator: ", ")
        }
        let untested = s.steps.compactMap(\.untestedReason)
        if !untested.isEmpty { text += "; \(untested.count) steps not made: \(untested[0])" }
        return text
    }
}
