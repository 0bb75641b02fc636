import Foundation
import QKSupport
import QKModel
import QKVerdicts
import QKSuite

extension ReportDocument {
    /// The section "Where the sqrt(d) argument holds, and where it breaks", every sentence from the run.
    var modelsMarkdown: String {
        guard !models.isEmpty else { return "" }
        var md = "## 7. Where the sqrt(d) argument holds, and where it breaks\n\n"
        md += "The derivation above assumes iid Gaussian coordinates shared by q and k. Each case below is its own run "
        md += "(\(models[0].design.samples) samples per cell, seed \(models[0].design.seed)); its true closed forms and a plausible "
        md += "wrong one are judged together at family-wise alpha \(NumberText.format(verdict.alpha)). "
        md += "`models.csv` has every cell's estimates, closed forms and tests.\n\n"
        for outcome in models {
            md += "### \(outcome.case.title)\n\n" + headline(outcome) + "\n\n"
            md += TableFormat.markdown(claimTable(outcome)) + "\n"
        }
        md += alignedMarkdown
        return md
    }

    /// The case's measured point, in one or two sentences.
    func headline(_ outcome: ModelsSuite.Outcome) -> String {
        let rows = outcome.verdict.comparisons
        guard let largest = rows.map(\.cell.d).max(), let smallest = rows.map(\.cell.d).min() else { return "" }
        func at(_ d: Int, _ where_: (CoordinateModel) -> Bool) -> [MomentComparison] { rows.filter { $0.cell.d == d && where_($0.cell.model) } }
        func pm(_ x: Double, _ se: Double) -> String { "\(Self.g(x, 4)) ± \(Self.g(se, 2))" }
        switch outcome.case.title {
        case "Coordinate laws":
            let variance = at(largest) { _ in true }.map { "\($0.cell.model.law) \(pm($0[.variance].estimate.value / Double(largest), $0[.variance].estimate.standardError / Double(largest)))" }
            let kurtosis = at(smallest) { _ in true }.map { "\($0.cell.model.law) \(Self.g($0[.kurtosis].estimate.value * Double(smallest), 3))" }
            var laws: [String] = []
            for row in rows where row.isTested(.kurtosis) && !laws.contains("\(row.cell.model.law)") { laws.append("\(row.cell.model.law)") }
            let untested = rows.filter { !$0.isTested(.kurtosis) }.count
            let tested = untested == 0 ? "" : " The kurtosis test is made in \(rows.count - untested) of the \(rows.count) cells"
                + (laws.isEmpty ? "" : ", of the " + Self.list(laws) + " laws") + " (`models.csv`, column `untested`, names the others); "
                + "the kurtosis values above are estimates either way."
            return "Var(q.k)/d at d = \(largest), mean 0 and variance 1: " + variance.joined(separator: ", ")
                + ": the variance is law-free. The tails are not: excess kurtosis x d at d = \(smallest) is "
                + kurtosis.joined(separator: ", ") + " (closed form ((3 + kurt_q)(3 + kurt_k) - 3), kurt_q and kurt_k the excess kurtosis "
                + "of q's and k's coordinates: 6, 0.24, -2, 33 and 13 for t:10). 6/d, the Gaussian's value, is the plausible wrong claim: "
                + "true for Gaussian coordinates, so its cells are the ones it is not rejected in." + tested
        case "Separate scales":
            let values = at(largest) { _ in true }.map {
                "sigma_q = \(NumberText.format($0.cell.model.sigmaQ)), sigma_k = \(NumberText.format($0.cell.model.sigmaK)): \(pm($0[.variance].estimate.value / Double(largest), $0[.variance].estimate.standardError / Double(largest)))"
            }
            return "q and k rarely share a scale. Var(q.k)/d at d = \(largest): " + values.joined(separator: "; ")
                + ", that is sigma_q^2 sigma_k^2, not sigma^4 of either."
        case "Correlated q and k":
            let means = rows.map { row in
                let d = Double(row.cell.d).squareRoot()
                return "d = \(row.cell.d): \(Self.g(row[.mean].estimate.value / d, 3)) [\(Self.g(row[.mean].theory.value / d, 3))]"
            }
            return "With corr(q_i, k_i) = \(NumberText.format(rows[0].cell.model.rho)) the mean grows like d and the spread like sqrt(d): "
                + "the mean of q.k / sqrt(d) drifts like rho sqrt(d) (estimates, the exact rho sqrt(d) in brackets: " + means.joined(separator: ", ")
                + "). Once training aligns q with k, q.k is a law-of-large-numbers object: this is why muP divides by d."
        case "QK-norm":
            let values = at(largest) { _ in true }.map { "\($0.cell.model.law) \(pm($0[.variance].estimate.value * Double(largest), $0[.variance].estimate.standardError * Double(largest)))" }
            return "Unit vectors make the logits too small, not too large: d Var(cos) at d = \(largest) is "
                + values.joined(separator: ", ") + " (closed form 1): QK-norm needs a learned gain of order sqrt(d)."
        case "LayerNorm":
            let raw = at(largest) { $0.norm == .none && $0.law == .gaussian }.first
            let layer = at(largest) { $0.norm == .layer && $0.law == .gaussian }.first
            guard let raw, let layer else { return "" }
            return "At mean 1 the raw variance at d = \(largest) is \(pm(raw[.variance].estimate.value, raw[.variance].estimate.standardError)) (3d = \(3 * largest)); "
                + "after LayerNorm it is \(pm(layer[.variance].estimate.value, layer[.variance].estimate.standardError)) (d^2/(d-1) = \(Self.g(Double(largest * largest) / Double(largest - 1), 5))), "
                + "here for Gaussian and uniform coordinates, and by a permutation argument for any continuous law and any mean: "
                + "LayerNorm restores the sqrt(d) argument that a nonzero mean broke."
        default:
            return ""
        }
    }

    /// The aligned key: the weight on it against d, for tau = 1, sqrt(d) and d.
    var alignedMarkdown: String {
        let experiment = aligned.experiment
        guard let first = experiment.cells.first else { return "" }
        var md = "### The aligned key: why muP scales by 1/d\n\n"
        md += "A correlation shared by every key changes nothing in softmax; one key aligned with the query does. Key 1 has "
        md += "corr \(NumberText.format(first.alignedRho)) with the query, the other \(first.keys - 1) keys are independent "
        md += "(mu = 0, sigma = 1, \(experiment.samples) queries per d). The weight on key 1 (mean ± SE):\n\n"
        md += TableFormat.markdown(alignedTable) + "\n"
        let last = experiment.cells.count - 1
        let sqrt = aligned.summary(cell: last, .sqrtD, .alignedWeight).mean
        let byD = aligned.summary(cell: last, .d, .alignedWeight)
        md += "With tau = sqrt(d) the logit gap rho |q|^2 / sqrt(d) grows like rho sqrt(d): at d = \(experiment.cells[last].d) the aligned key "
        md += "takes \(Self.g(sqrt, 3)) of the weight (saturation again, despite the sqrt(d) scale). With tau = d the gap tends to rho and the "
        md += "noise to 0: the weight, \(Self.g(byD.mean, 4)) ± \(Self.g(byD.meanStandardError, 2)) there, tends to the d-independent limit "
        md += "e^rho / (e^rho + N - 1) = \(Self.g(first.alignedLimit, 4)).\n\n"
        md += embed("aligned.svg")
        return md
    }
}
