import Foundation

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

    /// A report.
    public init(check: ClaimCheck, design: MomentsDesign) {
        self.check = check
        self.design = design
    }

    static let columns = ["claim", "d", "mu", "sigma", "statistic", "claimed", "estimate", "se", "z", "p", "mdd", "verdict"]

    /// The report in a format.
    public func render(_ format: Format) -> String {
        switch format {
        case .csv: return String(decoding: csv.bytes, as: UTF8.self)
        case .text: return table(compact: true).text + "\n" + summary.joined(separator: "\n") + "\n"
        case .markdown: return table(compact: true).markdown + "\n" + summary.map { "- " + $0 }.joined(separator: "\n") + "\n"
        case .json: return json.text + "\n"
        }
    }

    /// One line per claim, then how the run was judged.
    public var summary: [String] {
        var lines = check.claims.map { claim -> String in
            let (tested, failed) = check.cellCounts(claim)
            let where_ = claim.domain == .all ? "" : " (at \(claim.domain.rawValue))"
            let (untested, needed) = check.untested(claim)
            let note = untested == 0 ? "" : "; \(untested) tests not made (the normal approximation needs n >= \(needed) there)"
            return check.holds(claim)
                ? "HOLDS    \(claim.label)\(where_): passes in all \(tested) cells\(note)"
                : "REJECTED \(claim.label)\(where_): fails in \(failed) of \(tested) cells, largest |z| \(String(format: "%.3g", check.largestZ(claim)))\(note)"
        }
        lines.append(String(format: "%d tests made, Holm-Bonferroni at family-wise alpha %g; %d samples per cell, seed %llu, %@. mdd: the smallest error each test detects with 90%% power.",
                            check.power.tests, check.alpha, design.samples, design.seed, design.generator.name))
        return lines
    }

    private func rows(_ f: (Double) -> String) -> [[String]] {
        zip(check.tests, check.rejected).map { t, rejected in
            [t.claim.label, String(t.cell.d), f(t.cell.mu), f(t.cell.sigma), t.statistic, f(t.claimed), f(t.estimate),
             f(t.standardError), f(t.z), f(t.p), f(check.power.minimumDetectable(standardError: t.standardError)),
             t.isTested ? (rejected ? "fail" : "pass") : "untested"]
        }
    }

    private func table(compact: Bool) -> TextTable {
        var table = TextTable(header: CheckReport.columns, rightAligned: Set(1...10))
        let short: (Double) -> String = { x in
            x == x.rounded() && Swift.abs(x) < 1e6 ? NumberText.format(x) : String(format: "%.4g", x)
        }
        for row in rows(compact ? short : NumberText.format) { table.append(row) }
        return table
    }

    /// The tests as RFC 4180 CSV, at full precision.
    public var csv: CSVTable {
        var table = CSVTable(header: CheckReport.columns)
        for row in rows(NumberText.format) { table.append(row) }
        return table
    }

    /// The whole report as JSON.
    public var json: JSONText.Value {
        .object([
            ("all_hold", .bool(check.allHold)),
            ("alpha", .number(check.alpha)),
            ("samples", .integer(design.samples)),
            ("seed", .string(String(design.seed))),
            ("rng", .string(design.generator.name)),
            ("claims", .array(check.claims.map { claim in
                let (tested, failed) = check.cellCounts(claim)
                return .object([("claim", .string(claim.label)), ("quantity", .string(claim.quantity.rawValue)),
                                ("formula", .string(claim.text)), ("domain", .string(claim.domain.rawValue)),
                                ("holds", .bool(check.holds(claim))), ("cells", .integer(tested)),
                                ("rejected_cells", .integer(failed)), ("largest_abs_z", .number(check.largestZ(claim)))])
            })),
            ("tests", .array(zip(check.tests, check.rejected).map { t, rejected in
                .object([("claim", .string(t.claim.label)), ("d", .integer(t.cell.d)), ("mu", .number(t.cell.mu)),
                         ("sigma", .number(t.cell.sigma)), ("statistic", .string(t.statistic)),
                         ("claimed", .number(t.claimed)), ("estimate", .number(t.estimate)),
                         ("se", .number(t.standardError)), ("z", .number(t.z)), ("p", .number(t.p)),
                         ("mdd", .number(check.power.minimumDetectable(standardError: t.standardError))),
                         ("verdict", .string(t.isTested ? (rejected ? "fail" : "pass") : "untested"))])
            })),
        ])
    }
}
