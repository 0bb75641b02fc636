import Foundation
import QKSupport
import QKModel
import QKSampling
import QKTheory
import QKVerdicts
import QKExperiments
import QKClaims
import QKSuite

/// The report's tables, each defined once as typed columns (``Column``): REPORT.md renders them as
/// Markdown, tables.tex as booktabs LaTeX, from the same values and number styles.
extension ReportDocument {
    /// A coordinate model's mean for a table: a number where q and k share it, `q:k` where not.
    static func mean(_ model: CoordinateModel) -> TableValue { model.mu.map { .number($0) } ?? .text(model.meanText) }
    /// A coordinate model's spread, likewise.
    static func spread(_ model: CoordinateModel) -> TableValue { model.sigma.map { .number($0) } ?? .text(model.spreadText) }

    /// Var(T) and Var(T / sqrt d) against their closed forms, at one sigma.
    var momentsTable: Table {
        let sigma = VerificationSuite.sigma(of: design.grid)
        let rows = verdict.comparisons.enumerated().filter { $0.element.cell.sigma == sigma }
        let verdict = verdict
        let columns: [Column<(offset: Int, element: MomentComparison)>] = [
            Column("d", "dimension", latex: "$d$") { .integer($0.element.cell.d) },
            Column("mu", "mean (q's:k's where they differ)", latex: "$\\mu$") { Self.mean($0.element.cell.model) },
            Column("sigma", "spread", latex: "$\\sigma$") { Self.spread($0.element.cell.model) },
            Column("Var(T) exact", "the closed form", latex: "exact", style: .significant(6), group: "$\\operatorname{Var}(T)$") { .known($0.element[.variance].theory.value) },
            Column("Var(T) estimate ± SE", "the sample variance and its standard error", latex: "estimate", group: "$\\operatorname{Var}(T)$") {
                .measured($0.element[.variance].estimate.value, standardError: $0.element[.variance].estimate.standardError)
            },
            Column("Var(T) z", "the variance's z", latex: "$z$", style: .decimals(2), group: "$\\operatorname{Var}(T)$") { .known($0.element[.variance].z) },
            Column("Var(T/sqrt d) exact", "the closed form divided by d", latex: "exact", group: "$\\operatorname{Var}(T/\\sqrt{d})$") { .known($0.element.scaledVarianceTheory) },
            Column("Var(T/sqrt d) estimate ± SE", "s^2 / d and its standard error", latex: "estimate", group: "$\\operatorname{Var}(T/\\sqrt{d})$") {
                .measured($0.element.scaledVarianceEstimate, standardError: $0.element[.variance].estimate.standardError / Double($0.element.cell.d))
            },
            Column("verdict", "fail where any of the cell's four moment tests is rejected", latex: "verdict") { .text(verdict.rejectedTests(cell: $0.offset).isEmpty ? "pass" : "fail") },
        ]
        var table = Array(rows).table(columns)
        table.caption = "$\\operatorname{Var}(q^\\top k)$ against its closed form $d(\\sigma^4 + 2\\mu^2\\sigma^2)$, at $\\sigma = \(NumberText.format(sigma))$ only "
            + "(every $\\sigma$ is in the moments table); \(design.samples) samples per cell, standard errors from the fourth cumulant. "
            + "A cell fails when any of its four moment tests is rejected (Holm, family-wise $\\alpha = \(NumberText.format(verdict.alpha))$)."
            + (verdict.comparisons.allSatisfy(\.cell.model.isShared) ? "" : " Where $q$ and $k$ differ, $\\mu$ and $\\sigma$ read $q$'s:$k$'s.")
        table.label = "tab:moments"
        return table
    }

    /// The fitted exponent of Var(T) in d for each (mu, sigma).
    var scalingTable: Table {
        let columns: [Column<ScalingVerdict.Entry>] = [
            Column("mu", "mean", latex: "$\\mu$") { Self.mean($0.model) },
            Column("sigma", "spread", latex: "$\\sigma$") { Self.spread($0.model) },
            Column("slope ± SE", "the fitted exponent b of Var(T) = c d^b", latex: "$b$") { e in e.fit.map { .measured($0.slope, standardError: $0.slopeSE) } ?? .empty },
            Column("95% interval", "its 95% interval", latex: "95\\% interval", style: .decimals(4)) { e in
                e.fit.map { .interval($0.slopeInterval.lowerBound, $0.slopeInterval.upperBound) } ?? .empty
            },
            Column("slope p", "the two-sided p-value of b = 1, which the verdict tests", latex: "$p(b = 1)$", style: .pValue) { e in
                e.fit.map { .number($0.slopeP) } ?? .empty
            },
            Column("fit p", "the fit's chi-square p-value (how well a straight line fits)", latex: "fit $p$", style: .pValue) { e in
                e.fit.flatMap { $0.degreesOfFreedom > 0 ? .number($0.fitP) : nil } ?? .empty
            },
            Column("verdict", "fail where b = 1 is rejected", latex: "verdict") { .text($0.verdictText) },
        ]
        var table = fits.table(columns)
        table.caption = "The exponent $b$ of $\\operatorname{Var}(q^\\top k) = c\\,d^{\\,b}$: weighted least squares of $\\log \\operatorname{Var}$ on $\\log d$, "
            + "its 95\\% interval, the $p$-value of $b = 1$, and the fit's $\\chi^2$ $p$-value; a fit fails when $b = 1$ is rejected "
            + "(Holm over the fits at the report's $\\alpha$, so an interval at 95\\% may miss 1 in a passing row)."
        table.label = "tab:scaling"
        return table
    }

    /// The largest weight, entropy and saturation with and without the scale, at one mean.
    var softmaxTable: Table {
        let dims = Set(softmax.experiment.cells.map(\.d)).sorted()
        let mu = softmaxMu, document = self
        let v: @Sendable (Int, SoftmaxScale, SoftmaxStatistic) -> TableValue = { d, scale, s in
            document.softmaxValue(mu: mu, scale: scale, d: d, s).map { .measured($0.mean, standardError: $0.meanStandardError) } ?? .empty
        }
        let columns: [Column<Int>] = [
            Column("d", "dimension", latex: "$d$") { .integer($0) },
            Column("max weight, tau = 1", "the largest weight, unscaled", latex: "$\\tau = 1$", group: "largest weight") { v($0, .none, .maxWeight) },
            Column("max weight, tau = sqrt(d)", "the largest weight, scaled", latex: "$\\tau = \\sqrt{d}$", group: "largest weight") { v($0, .sqrtD, .maxWeight) },
            Column("entropy/log N, tau = 1", "the entropy over log N, unscaled", latex: "$\\tau = 1$", group: "entropy$/\\log N$") { v($0, .none, .entropy) },
            Column("entropy/log N, tau = sqrt(d)", "the entropy over log N, scaled", latex: "$\\tau = \\sqrt{d}$", group: "entropy$/\\log N$") { v($0, .sqrtD, .entropy) },
            Column("saturated, tau = 1", "the share of weights with p(1 - p) < 10^-6, unscaled", latex: "saturated, $\\tau = 1$") { v($0, .none, .saturated) },
        ]
        var table = dims.table(columns)
        let keys = softmax.experiment.cells.first?.keys ?? 0
        table.caption = "Softmax over \(keys) keys at $\\mu = \(NumberText.format(mu))$, $\\sigma = \(NumberText.format(softmax.experiment.cells.first?.sigma ?? 1))$, without ($\\tau = 1$) and with ($\\tau = \\sqrt{d}$) the scale: "
            + "mean $\\pm$ SE over \(softmax.experiment.samples) queries of the largest weight, the entropy over $\\log N$, "
            + "and the share of weights with $p(1-p) < 10^{-6}$."
        table.label = "tab:softmax"
        return table
    }

    /// The law of T at mu = 0 against its exact law and against N(0, 1), per d.
    var distributionTable: Table {
        let (exact, chi, normal) = distributionRejections
        let v = results.distribution
        let tested: @Sendable (Int, Double) -> TableValue = { i, value in v.isTested(i) ? .known(value) : .empty }
        let exactLaw = "exact variance-gamma law"
        let columns: [Column<(offset: Int, element: DistributionResult)>] = [
            Column("d", "dimension", latex: "$d$") { .integer($0.element.cell.d) },
            Column("6/d", "6/d, the exact excess kurtosis of T", latex: "$6/d$", style: .significant(3)) { .number(6 / Double($0.element.cell.d)) },
            Column("KS to exact law", "Kolmogorov-Smirnov distance to the variance-gamma law", latex: "$D$", style: .significant(3), group: exactLaw) { tested($0.offset, $0.element.exact.distance) },
            Column("p", "its p-value", latex: "$p$", style: .pValue, group: exactLaw) { tested($0.offset, $0.element.exact.p) },
            Column("chi-square to exact", "Pearson chi-square over the bins", latex: "$\\chi^2$", style: .significant(3), group: exactLaw) { tested($0.offset, $0.element.chiSquare.statistic) },
            Column("df", "its degrees of freedom", latex: "df", group: exactLaw) { v.isTested($0.offset) ? .integer($0.element.chiSquare.degreesOfFreedom) : .empty },
            Column("p", "its p-value", latex: "$p$", style: .pValue, group: exactLaw) { tested($0.offset, $0.element.chiSquare.p) },
            Column("KS to N(0,1)", "Kolmogorov-Smirnov distance of T/(sigma^2 sqrt d) to N(0, 1)", latex: "$D$", style: .significant(3), group: "$N(0,1)$") { tested($0.offset, $0.element.normal.distance) },
            Column("p", "its p-value", latex: "$p$", style: .pValue, group: "$N(0,1)$") { tested($0.offset, $0.element.normal.p) },
            Column("rejected", "the tests that reject (KS and chi-square against the exact law, KS against N(0, 1), a finding at small d, not a failure)", latex: "rejected") { row in
                guard v.isTested(row.offset) else { return .text("untested") }
                let i = row.offset
                let names = [(exact[i], "KS exact"), (chi[i], "chi-square exact"), (normal[i], "KS normal")].filter(\.0).map(\.1)
                return .text(names.isEmpty ? "none" : names.joined(separator: ", "))
            },
        ]
        var table = Array(distribution.enumerated()).table(columns)
        table.caption = "The law of $q^\\top k/\\sigma^2$ at $\\mu = 0$ against the exact variance-gamma law (Kolmogorov-Smirnov $D$, and Pearson $\\chi^2$ "
            + "over 60 bins of $q^\\top k/(\\sigma^2\\sqrt{d})$ and both tails) and of $q^\\top k/(\\sigma^2\\sqrt{d})$ against $N(0,1)$, \(distribution.first?.samples ?? 0) samples per $d$; "
            + "Holm within each test, $\\alpha = \(NumberText.format(self.verdict.alpha))$."
        table.label = "tab:distribution"
        return table
    }

    /// The negative controls: true and wrong formulas judged on the same samples.
    var controlsTable: Table {
        let columns: [Column<ControlResult>] = [
            Column("claim", "the formula", latex: "claim") { .math($0.control.claim.label, latex: $0.control.claim.latex) },
            Column("where", "the cells it applies to", latex: "where") { .text($0.control.claim.domain.rawValue) },
            Column("truth", "whether the formula is true", latex: "truth") { .text($0.control.isTrue ? "true" : "false") },
            Column("cells tested", "cells where its test was made", latex: "tested") { .integer($0.check.cellCounts($0.control.claim).tested) },
            Column("rejected in", "cells where it was rejected", latex: "rejected") { .integer($0.check.cellCounts($0.control.claim).rejected) },
            Column("largest abs z", "the largest |z| over the cells", latex: "$\\max|z|$", style: .significant(3)) { $0.check.cellCounts($0.control.claim).tested == 0 ? .empty : .known($0.check.largestZ($0.control.claim)) },
            Column("status", "detected, undetected, pass, FALSE FAILURE or untested", latex: "status") { .text($0.status.rawValue) },
        ]
        var table = controls.table(columns)
        table.caption = "Negative controls: true and plausible wrong formulas judged on the same samples, each as its own family "
            + "($\\alpha = \(NumberText.format(verdict.alpha))$); cells tested and rejected, and the largest $|z|$."
        table.label = "tab:controls"
        return table
    }

    /// How each claim of one model case fared.
    func claimTable(_ outcome: ModelsSuite.Outcome) -> Table {
        let check = outcome.check
        let columns: [Column<(offset: Int, element: Claim)>] = [
            Column("claim", "the formula", latex: "claim") { .math($0.element.label, latex: $0.element.latex) },
            Column("truth", "whether it is true", latex: "truth") { .text(outcome.isTrue($0.offset) ? "true" : "wrong") },
            Column("cells tested", "cells where its test was made", latex: "tested") { .integer(check.cellCounts($0.element).tested) },
            Column("rejected in", "cells where it was rejected", latex: "rejected") { .integer(check.cellCounts($0.element).rejected) },
            Column("largest abs z", "the largest |z|", latex: "$\\max|z|$", style: .significant(3)) { check.cellCounts($0.element).tested == 0 ? .empty : .known(check.largestZ($0.element)) },
            Column("outcome", "not rejected, FALSE FAILURE, rejected, not detected or untested", latex: "outcome") { .text(outcome.status($0.offset).rawValue) },
        ]
        var table = Array(check.claims.enumerated()).table(columns)
        table.caption = "\(outcome.case.title): true closed forms and a plausible wrong one, judged together."
        table.label = "tab:models-\(outcome.case.title.lowercased().filter { $0.isLetter })"
        return table
    }

    /// The weight on the aligned key against d, for tau = 1, sqrt(d) and d.
    var alignedTable: Table {
        let aligned = aligned
        let weight: @Sendable (Int, SoftmaxScale) -> TableValue = { c, scale in
            let m = aligned.summary(cell: c, scale, .alignedWeight)
            return .measured(m.mean, standardError: m.meanStandardError)
        }
        let columns: [Column<(offset: Int, element: SoftmaxCell)>] = [
            Column("d", "dimension", latex: "$d$") { .integer($0.element.d) },
            Column("tau = 1", "unscaled", latex: "$\\tau = 1$") { weight($0.offset, .none) },
            Column("tau = sqrt(d)", "scaled by sqrt(d)", latex: "$\\tau = \\sqrt{d}$") { weight($0.offset, .sqrtD) },
            Column("tau = d", "scaled by d", latex: "$\\tau = d$") { weight($0.offset, .d) },
        ]
        var table = Array(aligned.experiment.cells.enumerated()).table(columns)
        table.caption = "The weight on a key aligned with the query (mean $\\pm$ SE)."
        table.label = "tab:aligned"
        return table
    }

    /// The collapse: the entropy over log N against its exact value, per (N, d) and temperature.
    var collapseTable: Table {
        let cells = results.collapse.cells
        let places = Set(cells.map(\.keys)).sorted().flatMap { n in Set(cells.map(\.d)).sorted().map { (keys: n, d: $0) } }
        let document = self
        let entropy: @Sendable ((keys: Int, d: Int), SoftmaxScale) -> TableValue = { place, scale in
            guard let row = document.collapseRow(keys: place.keys, d: place.d, scale) else { return .empty }
            let t = row[.entropy]
            return t.exact.map { .compared(t.estimate.value, standardError: t.estimate.standardError, exact: $0.value) }
                ?? .measured(t.estimate.value, standardError: t.estimate.standardError)
        }
        let columns: [Column<(keys: Int, d: Int)>] = [
            Column("N", "keys", latex: "$N$") { .integer($0.keys) },
            Column("d", "dimension", latex: "$d$") { .integer($0.d) },
        ] + VerificationSuite.collapseScales.map { scale in
            Column("tau = \(scale.label)", "entropy over log N at this temperature, mean ± SE [exact]", latex: "$\\tau = \(scale.latex)$", group: "entropy$/\\log N$") {
                entropy($0, scale)
            }
        }
        var table = places.table(columns)
        table.caption = "The entropy of the weights over $\\log N$, mean $\\pm$ SE over \(collapseQueries(latex: true)), with the exact value in brackets."
        table.label = "tab:collapse"
        return table
    }
}
