import Foundation
import QKSupport
import QKClaims
import QKExperiments
import QKVerdicts

/// The report of `qkverify check`: every test of every claim, and each claim's verdict.
public struct CheckReport: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, csv, markdown, json
    }

    /// The judged claims.
    public let check: ClaimCheck
    /// The run they were judged on.
    public let design: MomentsDesign
    /// For a sequential check, the looks made (samples per cell); nil for a fixed sample size.
    public let looks: [Int]?
    /// The queries per softmax cell, where a claim is about attention; nil where none is.
    public let queries: Int?
    /// Each rejected claim's diagnosis, printed under its verdict line.
    public let diagnoses: [Claim: ClaimDiagnosis]
    /// With `--show-theory`: qkverify's own closed form of each claim's quantity on the grid.
    public let theory: [Claim: String]
    /// `--claims attention`'s verdicts, printed after the user's claims.
    public let attention: AttentionClaimsReport?
    /// Whether the user stated claims (with only `--claims attention`, the table and their summary
    /// are left out).
    public let showsClaims: Bool

    /// A report.
    public init(check: ClaimCheck, design: MomentsDesign, looks: [Int]? = nil, queries: Int? = nil,
                diagnoses: [Claim: ClaimDiagnosis] = [:], theory: [Claim: String] = [:], attention: AttentionClaimsReport? = nil,
                showsClaims: Bool = true) {
        self.check = check
        self.design = design
        self.looks = looks
        self.queries = queries
        self.diagnoses = diagnoses
        self.theory = theory
        self.attention = attention
        self.showsClaims = showsClaims
    }

    static let columns = ["claim", "d", "mu", "sigma", "statistic", "claimed", "estimate", "se", "z", "p", "mdd", "verdict"]

    /// Whether a claim has a domain narrower than the grid (then a `domain` column says it on every row).
    var showsDomain: Bool { check.claims.contains { !$0.domain.isAll } }

    /// Whether the grid goes beyond the seed model (then a `model` column describes each cell).
    var showsModel: Bool { check.tests.contains { $0.cell.model.law != .gaussian || !$0.cell.model.isSeedSetting } }

    /// Whether a claim is about attention (then the columns `keys` and `tau` say where it is tested).
    var showsAttention: Bool { check.tests.contains { $0.attention != nil } }

    var header: [String] {
        var names: [String] = ["claim"]
        if showsDomain { names.append("domain") }
        names += CheckReport.columns[1..<4]
        if showsModel { names.append("model") }
        if showsAttention { names += ["keys", "tau"] }
        names += CheckReport.columns[4...]
        if looks != nil { names.append("samples") }
        return names
    }

    /// The report in a format.
    public func render(_ format: Format) -> String {
        switch format {
        case .csv:
            // One table: with only --claims attention, its steps alone (`check` refuses csv for
            // claims and --claims attention together; were both here, the two would follow each other).
            let claims = String(decoding: csv.bytes, as: UTF8.self)
            guard let attention else { return claims }
            let steps = String(decoding: attention.csv.bytes, as: UTF8.self)
            return showsClaims ? claims + "\n" + steps : steps
        case .text:
            let claims = showsClaims ? table(compact: true).text + "\n" + summary.joined(separator: "\n") + "\n" : ""
            return claims + (attention?.text ?? "")
        case .markdown:
            let claims = showsClaims ? table(compact: true).markdown + "\n" + summary.map { $0.hasPrefix("  ") ? "  - " + $0.trimmingCharacters(in: .whitespaces) : "- " + $0 }.joined(separator: "\n") + "\n" : ""
            return claims + (attention.map { "\n" + $0.text.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n" } ?? "")
        case .json: return json.text + "\n"
        }
    }

    /// One line per claim, then how the run was judged.
    public var summary: [String] {
        var lines = check.claims.flatMap { claim in
            [summaryLine(claim)] + (diagnoses[claim]?.lines ?? []) + (theory[claim].map { ["  qkverify's closed form: \($0)"] } ?? [])
        }
        let made = check.testsMade
        let tolerance = check.tolerance.map { String(format: "; confirmed within %g%%: the %g%% interval of each relative error inside", 100 * $0, 100 * (1 - 2 * check.alpha)) } ?? ""
        let hasT = check.claims.contains { !$0.quantity.isAttention }
        var samples = looks.map { "sequential: looks at \($0.map(String.init).joined(separator: ", ")) samples (at most \(design.samples)); look k spends alpha 2^-(k+1)" }
            ?? (hasT ? "\(design.samples) samples per cell" : "")
        if let queries { samples += (samples.isEmpty ? "" : ", ") + "\(queries) queries per softmax cell" }
        lines.append(String(format: "%d %@ made, Holm-Bonferroni at family-wise alpha %g%@; %@, seed %llu, %@. mdd: the smallest error each test detects with 90%% power, in the units of its statistic.",
                            made, made == 1 ? "test" : "tests", check.alpha, tolerance, samples, design.seed, design.generator.name))
        return lines
    }

    /// The verdict line of one claim.
    func summaryLine(_ claim: Claim) -> String {
        let (tested, failed) = check.cellCounts(claim)
        let (untested, needed) = check.untested(claim)
        let reasons = check.untestedReasons(claim)
        let note = untested == 0 ? ""
            : "; \(untested) \(untested == 1 ? "test" : "tests") not made: "
                + reasons.map { reasons.count == 1 ? $0.reason.text : "\($0.count) where \($0.reason.text)" }.joined(separator: ", ")
        let cells = tested == 1 ? "1 cell" : "\(tested) cells"
        // A claim with a domain says how many cells it spoke of, and how many of the grid's it did not.
        let inDomain = check.placesInDomain(claim), outside = outsideCount(claim)
        // A domain is worth saying only where it left cells of the grid out.
        let domain = outside == 0 ? "" : " in its domain \(claim.domain.text) (\(outside) outside)"
        let ofDomain = outside == 0 && tested == inDomain ? cells : "\(tested) of \(inDomain) \(inDomain == 1 ? "cell" : "cells")"
        func percent(_ x: Double) -> String { String(format: "%.2g%%", 100 * x) }
        let verdict = check.verdict(claim)
        let text: String = switch verdict {
        case .rejected where claim.isLimit:
            "off by more than \(percent(check.tolerance!)) in \(failed) of \(cells)\(domain), largest |z| \(NumberStyle.significant(3).text(check.largestZ(claim)))"
                + zeroTolerance(claim)
        case .rejected:
            "fails in \(failed) of \(cells)\(domain), largest |z| \(NumberStyle.significant(3).text(check.largestZ(claim)))"
        case .confirmed:
            "within \(percent(check.tolerance!)) in \(tested == 1 ? "the" : "all") \(cells)\(domain) (largest relative error bound \(percent(check.largestErrorBound(claim))))"
                + zeroTolerance(claim)
        case .undecided where untested > 0 && check.largestErrorBound(claim) <= check.tolerance!:
            // Every test made confirms, but some cells could not be tested: they confirm nothing.
            "confirmed within \(percent(check.tolerance!)) only in the \(cells) tested\(domain) (largest relative error bound \(percent(check.largestErrorBound(claim)))), not where its tests could not be made"
                + (needed == nil ? "" : "; more samples would decide") + zeroTolerance(claim)
        case .undecided:
            "not rejected in \(ofDomain)\(domain), but not confirmed within \(percent(check.tolerance!)) (largest relative error bound \(percent(check.largestErrorBound(claim)))); more samples would decide"
                + zeroTolerance(claim)
        case .notRejected:
            "not rejected in \(ofDomain)\(domain); \(missable(claim)) (give --tolerance to confirm)"
        case .untested:
            "no test could be made \(outside == 0 ? "on this grid" : "in the \(inDomain) \(inDomain == 1 ? "cell" : "cells")\(domain)"), so nothing is claimed"
        }
        return "\(verdict.word) \(claim.label): \(text)\(note)\(decidedAt(claim, verdict))"
    }

    /// The places of the run outside a claim's domain: as the check counted them, or for a sequential
    /// run (whose tests were made look by look) the grid's cells outside it.
    func outsideCount(_ claim: Claim) -> Int {
        check.outside[claim] ?? (claim.quantity.isAttention ? 0 : design.grid.cells.count(where: { !claim.domain.contains($0) }))
    }

    /// The largest error a claim's tests could have missed, stated alike relative and absolute: the
    /// relative mdd (against the claimed value, or where the claim is 0 what ``relativeTo(_:)`` says)
    /// and the absolute mdd of the same test, as the table's `mdd` column has it, with its cell.
    func missable(_ claim: Claim) -> String {
        let made = check.tests.filter { $0.claim == claim && $0.isTested }
        guard let worst = made.max(by: { $0.relativeSE < $1.relativeSE }) else { return "" }
        let relative = check.power.minimumDetectable(standardError: worst.relativeSE)
        let absolute = check.power.minimumDetectable(standardError: worst.standardError)
        let mdd = NumberStyle.significant(3).text(absolute)
        if worst.claimed == 0 && worst.statistic?.isUnitFree == true {
            return "errors smaller than \(mdd) in \(worst.label) could be missed (the mdd, absolute: the claim is 0 there and the statistic has no unit; at \(place(worst)))"
        }
        return "errors smaller than \(NumberStyle.significant(2).text(100 * relative))% \(relativeTo(worst)) could be missed (mdd \(mdd) in \(worst.label) at \(place(worst)))"
    }

    /// What a relative error of a test is relative to: the claimed value, or where the claim is 0
    /// (a relative error to 0 is undefined) the standard deviation of the variable whose mean is
    /// claimed, or 1 for a skewness or a kurtosis, which have no unit (``ClaimComparison/toleranceScale``).
    func relativeTo(_ t: ClaimComparison) -> String {
        guard t.claimed == 0 else { return "of the claimed value" }
        if t.statistic?.isUnitFree == true { return "(absolute: the claim is 0 and the statistic has no unit)" }
        let variable = t.statistic == nil ? "the statistic per query" : t.isScaled ? "T/s" : "T"
        return "of the standard deviation of \(variable) (the claim is 0 there)"
    }

    /// For a claim with a tolerance and a claimed 0 in some cell: what "within delta" means there.
    func zeroTolerance(_ claim: Claim) -> String {
        guard let delta = check.tolerance, let zero = check.tests.first(where: { $0.claim == claim && $0.claimed == 0 }) else { return "" }
        let size = String(format: "%g%%", 100 * delta)
        return zero.statistic?.isUnitFree == true
            ? "; where the claim is 0, within \(size) means an error below \(NumberStyle.significant(3).text(delta)) (a skewness or kurtosis has no unit)"
            : "; where the claim is 0, within \(size) means within \(size) \(relativeTo(zero).replacingOccurrences(of: " (the claim is 0 there)", with: ""))"
    }

    /// Where a test was made, for a reader: `d = 4, gaussian mu=0.3 sigma=1` (and `N = 64, tau = 8`).
    func place(_ t: ClaimComparison) -> String {
        "d = \(t.cell.d), \(t.cell.model.label)" + (t.attention.map { ", N = \($0.keys), tau = \(NumberText.short($0.tau))" } ?? "")
    }

    private func rows(_ f: (Double) -> String, claimVerdicts: Bool = false) -> [[String]] {
        check.tests.indices.map { i in
            let (t, rejected, confirmed) = (check.tests[i], check.rejected[i], check.confirmed[i])
            let m = t.cell.model
            let keys: String = t.attention.map { String($0.keys) } ?? "", tau: String = t.attention.map { f($0.tau) } ?? ""
            let place: [String] = (showsModel ? [m.label] : []) + (showsAttention ? [keys, tau] : [])
            // An untested row shows no z, p or mdd: no test was made there, so none has a size.
            func made(_ x: Double) -> String { t.isTested ? f(x) : "" }
            var row: [String] = [t.claim.label]
            if showsDomain { row.append(t.claim.domain.text) }
            row += [String(t.cell.d), m.mu.map(f) ?? "", m.sigma.map(f) ?? ""] + place
            row += [t.label, f(t.claimed), f(t.estimate), f(t.standardError), made(t.z), made(check.judgedP(i)),
                    made(check.power.minimumDetectable(standardError: t.standardError)), testVerdict(t, rejected: rejected, confirmed: confirmed)]
            if looks != nil { row.append(String(t.samples)) }
            if claimVerdicts { row.insert(check.verdict(t.claim).rawValue, at: 1) }
            return row
        }
    }

    private func table(compact: Bool) -> TextTable {
        let names = header
        let numeric = Set(names.indices.filter { !["claim", "domain", "model", "statistic", "verdict"].contains(names[$0]) })
        var table = TextTable(header: header, rightAligned: numeric)
        for row in rows(compact ? NumberText.short : NumberText.format) { table.append(row) }
        return table
    }

    /// The tests as RFC 4180 CSV, at full precision, each row with its claim's verdict beside the
    /// claim (`claim_verdict`: rejected, confirmed, undecided, not rejected, untested), so a script
    /// reads the claims' verdicts from one table.
    package var csv: CSVTable {
        var table = CSVTable(header: [header[0], "claim_verdict"] + header.dropFirst())
        for row in rows(NumberText.format, claimVerdicts: true) { table.append(row) }
        return table
    }

    /// For a sequential check: the samples at which a claim was decided.
    func decidedAt(_ claim: Claim, _ verdict: ClaimVerdict) -> String {
        guard looks != nil else { return "" }
        let mine = check.tests.indices.filter { check.tests[$0].claim == claim && check.tests[$0].isTested }
        switch verdict {
        case .rejected:
            let n = mine.filter { check.rejected[$0] }.map { check.tests[$0].samples }.min() ?? 0
            return "; rejected at n = \(n)"
        case .confirmed:
            return "; confirmed by n = \(mine.map { check.tests[$0].samples }.max() ?? 0)"
        default:
            return mine.isEmpty ? "" : "; looked up to n = \(mine.map { check.tests[$0].samples }.max()!)"
        }
    }

    /// One test's verdict: `fail`, `confirmed` (within the tolerance), `pass` (not rejected), `untested`.
    func testVerdict(_ t: ClaimComparison, rejected: Bool, confirmed: Bool) -> String {
        !t.isTested ? "untested" : rejected ? "fail" : confirmed ? "confirmed" : "pass"
    }

    /// The exit status of the whole check: the user's claims' and `--claims attention`'s verdicts together.
    public var exitStatus: Int32 {
        let statuses = [showsClaims ? check.exitStatus : 0, attention?.check.exitStatus ?? 0]
        return statuses.contains(1) ? 1 : statuses.first { $0 != 0 } ?? 0
    }

    /// The run's verdict in a word: rejected, undecided (some claim untested or undecided), or passed.
    var overall: String {
        switch exitStatus {
        case 1: "rejected"
        case 0: check.tolerance == nil ? "not rejected" : "confirmed"
        default: "undecided"
        }
    }

    /// The whole report as JSON.
    var json: JSONText.Value {
        .object([
            ("verdict", .string(overall)),
            ("exit_status", .integer(Int(exitStatus))),
            ("alpha", .number(check.alpha)),
            ("tolerance", check.tolerance.map { .number($0) } ?? .null),
            ("tests_made", .integer(check.testsMade)),
            ("samples", .integer(design.samples)),
            ("queries", queries.map { .integer($0) } ?? .null),
            ("seed", .unsigned(design.seed)),
            ("rng", .string(design.generator.name)),
            ("looks", looks.map { .array($0.map { .integer($0) }) } ?? .null),
            ("claims", .array(check.claims.map { claim in
                let (tested, failed) = check.cellCounts(claim)
                return .object([("claim", .string(claim.label)), ("name", claim.name.map { .string($0) } ?? .null),
                                ("quantity", .string(claim.quantity.name)),
                                ("formula", .string(claim.text)), ("domain", .string(claim.domain.text)), ("limit", .bool(claim.isLimit)),
                                ("verdict", .string(check.verdict(claim).rawValue)), ("cells", .integer(tested)),
                                ("cells_in_domain", .integer(check.placesInDomain(claim))), ("cells_outside_domain", .integer(outsideCount(claim))),
                                ("tests_not_made", .integer(check.untested(claim).count)),
                                ("rejected_cells", .integer(failed)), ("largest_abs_z", check.verdict(claim) == .untested ? .null : .number(check.largestZ(claim))),
                                ("diagnosis", diagnoses[claim].map { d in .object([
                                    ("lines", .array(d.lines.map { .string($0.trimmingCharacters(in: .whitespaces)) })),
                                    ("suggested", d.suggested.map { .string($0.text) } ?? .null)]) } ?? .null),
                                ("closed_form", theory[claim].map { .string($0) } ?? .null)])
            })),
            ("tests", .array(check.tests.indices.map { i in
                let (t, rejected, confirmed) = (check.tests[i], check.rejected[i], check.confirmed[i])
                return JSONText.Value.object([("claim", .string(t.claim.label)), ("d", .integer(t.cell.d)),
                         ("law", .string(t.cell.model.law.description)),
                         ("mu_q", .number(t.cell.model.muQ)), ("mu_k", .number(t.cell.model.muK)),
                         ("sigma_q", .number(t.cell.model.sigmaQ)), ("sigma_k", .number(t.cell.model.sigmaK)),
                         ("rho", .number(t.cell.model.rho)), ("norm", .string(t.cell.model.norm.rawValue)),
                         ("keys", t.attention.map { .integer($0.keys) } ?? .null), ("tau", t.attention.map { .number($0.tau) } ?? .null),
                         ("statistic", .string(t.label)),
                         ("claimed", .number(t.claimed)), ("estimate", .number(t.estimate)),
                         ("se", .number(t.standardError)), ("z", t.isTested ? .number(t.z) : .null), ("p", t.isTested ? .number(check.judgedP(i)) : .null),
                         ("mdd", t.isTested ? .number(check.power.minimumDetectable(standardError: t.standardError)) : .null),
                         ("verdict", .string(testVerdict(t, rejected: rejected, confirmed: confirmed))),
                         ("untested", t.untested.map { .string($0.text) } ?? .null),
                         ("samples", .integer(t.samples))])
            })),
            ("attention", attention?.json ?? .null),
        ])
    }
}
