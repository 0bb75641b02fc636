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

    /// Whether the grid goes beyond the seed model (then a `model` column describes each cell).
    var showsModel: Bool { design.grid.models.contains { $0.law != .gaussian || !$0.isSeedSetting } }

    var header: [String] { showsModel ? Array(CheckReport.columns[..<4]) + ["model"] + CheckReport.columns[4...] : CheckReport.columns }

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
            // The domain is worth saying only where the grid has cells outside it.
            let cells = design.grid.cells
            let where_ = cells.allSatisfy(claim.domain.contains) ? "" : " (at \(claim.domain.rawValue))"
            let (untested, needed) = check.untested(claim)
            let note = untested == 0 ? ""
                : needed.map { "; \(untested) tests not made (the normal approximation needs n >= \($0) there)" }
                ?? "; \(untested) tests not made (their standard error is unknown or 0: a moment is missing from the law or has no closed form, or the statistic does not vary)"
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
            let m = t.cell.model
            return [t.claim.label, String(t.cell.d), m.mu.map(f) ?? "", m.sigma.map(f) ?? ""]
                + (showsModel ? [m.label] : [])
                + [t.statistic, f(t.claimed), f(t.estimate),
                   f(t.standardError), f(t.z), f(t.p), f(check.power.minimumDetectable(standardError: t.standardError)),
                   t.isTested ? (rejected ? "fail" : "pass") : "untested"]
        }
    }

    private func table(compact: Bool) -> TextTable {
        let numeric = showsModel ? Set([1, 2, 3] + Array(6...11)) : Set(1...10)
        var table = TextTable(header: header, rightAligned: numeric)
        let short: (Double) -> String = { x in
            x == x.rounded() && Swift.abs(x) < 1e6 ? NumberText.format(x) : String(format: "%.4g", x)
        }
        for row in rows(compact ? short : NumberText.format) { table.append(row) }
        return table
    }

    /// The tests as RFC 4180 CSV, at full precision.
    public var csv: CSVTable {
        var table = CSVTable(header: header)
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
                .object([("claim", .string(t.claim.label)), ("d", .integer(t.cell.d)),
                         ("law", .string(t.cell.model.law.description)),
                         ("mu_q", .number(t.cell.model.muQ)), ("mu_k", .number(t.cell.model.muK)),
                         ("sigma_q", .number(t.cell.model.sigmaQ)), ("sigma_k", .number(t.cell.model.sigmaK)),
                         ("rho", .number(t.cell.model.rho)), ("norm", .string(t.cell.model.norm.rawValue)),
                         ("statistic", .string(t.statistic)),
                         ("claimed", .number(t.claimed)), ("estimate", .number(t.estimate)),
                         ("se", .number(t.standardError)), ("z", .number(t.z)), ("p", .number(t.p)),
                         ("mdd", .number(check.power.minimumDetectable(standardError: t.standardError))),
                         ("verdict", .string(t.isTested ? (rejected ? "fail" : "pass") : "untested"))])
            })),
        ])
    }
}
