import Foundation
import QKSupport
import QKModel
import QKSampling
import QKExperiments
import QKVerdicts
import QKSuite

extension ReportDocument {
    /// The collapse experiment's verdict.
    var collapse: SoftmaxVerdict { results.collapseVerdict }

    /// The comparison of (N, d, temperature) in the collapse experiment, if run.
    func collapseRow(keys: Int, d: Int, _ scale: SoftmaxScale) -> SoftmaxComparison? {
        collapse.comparisons.first { $0.cell.keys == keys && $0.cell.d == d && $0.scale == scale }
    }

    /// The collapse's queries per cell: "1000 queries", or where the logit budget gave some N fewer,
    /// "1000 queries (256 at N = 65536, where 1000 would pass 2^24 logits a cell)", in LaTeX's
    /// notation if `latex`.
    func collapseQueries(latex: Bool = false) -> String { Self.queriesPhrase(results.collapse.experiment, latex: latex) }

    /// A softmax experiment's queries per cell, as ``collapseQueries(latex:)`` says them.
    static func queriesPhrase(_ experiment: SoftmaxExperiment, latex: Bool) -> String {
        var fewer: [(keys: Int, queries: Int)] = []
        for (cell, n) in zip(experiment.cells, experiment.queries) where n < experiment.samples && !fewer.contains(where: { $0.keys == cell.keys }) {
            fewer.append((cell.keys, n))
        }
        guard let budget = experiment.logitBudget, !fewer.isEmpty else { return "\(experiment.samples) queries" }
        let exponent = budget.trailingZeroBitCount
        let limit = budget == 1 << exponent ? (latex ? "$2^{\(exponent)}$" : "2^\(exponent)") : "\(budget)"
        let list = fewer.map { latex ? "\($0.queries) at $N = \($0.keys)$" : "\($0.queries) at N = \($0.keys)" }.joined(separator: ", ")
        return "\(experiment.samples) queries (\(list), where \(experiment.samples) would pass \(limit) logits a cell)"
    }

    /// "### When attention collapses": the seed's "very peaked softmax" as a threshold in d, the
    /// measured entropy against the exact theory, the attention output's variance, and QK-norm.
    var collapseMarkdown: String {
        let cells = results.collapse.cells
        guard let first = cells.first else { return "" }
        let keys = Array(Set(cells.map(\.keys))).sorted()
        let dims = Set(cells.map(\.d)).sorted()
        var md = "### When attention collapses\n\n"
        md += "Given q, the logits q^T k_j / tau of keys with iid N(0, 1) coordinates are iid normal with spread s = |q| / tau, "
        md += "so every expectation of the weights has an exact value at finite N (docs/THEORY.md section 6), and the derivation's conclusion, "
        md += "\"very peaked softmax as d grows\", becomes a threshold: the weights condense on a few keys once s passes sqrt(2 log N) "
        md += "(the Random Energy Model). Unscaled, s is about sqrt(d), so attention collapses past d* = 2 log N: "
        md += keys.map { "\(Self.g(2 * log(Double($0)), 3)) for N = \($0)" }.joined(separator: ", ") + ".\n\n"
        md += "The entropy of the weights over log N (1: uniform, 0: one key), mean ± SE over \(collapseQueries()) "
        md += "at mu = \(NumberText.format(first.mu)), sigma = \(NumberText.format(first.sigma)), with the exact value in brackets:\n\n"
        md += TableFormat.markdown(collapseTable) + "\n"
        let failed = collapse.failedRows
        md += "Against the exact theory (entropy, participation, sum a^3, squared Jacobian norm, largest weight and output variance): "
        md += "\(collapse.testsMade) tests made, \(failed == 0 ? "none fails" : "\(failed) rows fail") (Holm at alpha \(NumberText.format(collapse.alpha))). "
        md += "A test is made where the quadrature's error bound is under 1e-3 of the standard error and the mean's normal approximation "
        md += "holds at this number of queries; the others are listed as untested in `collapse.csv` (the participation's per-query values "
        md += "are heavily skewed at large N).\n\n"
        md += collapseSentences(keys: keys, dims: dims)
        md += embed("collapse.svg")
        return md
    }

    /// The numbers of the collapse, read from the run.
    func collapseSentences(keys: [Int], dims: [Int]) -> String {
        guard let n = keys.last, let small = dims.first, let large = dims.last,
              let a = collapseRow(keys: n, d: small, .none), let b = collapseRow(keys: n, d: large, .none),
              let c = collapseRow(keys: n, d: large, .sqrtD), let e = collapseRow(keys: n, d: large, .d) else { return "" }
        let scaled = dims.compactMap { collapseRow(keys: n, d: $0, .sqrtD)?[.entropy].estimate.value }
        let logN = log(Double(n))
        var md = "At N = \(n), unscaled, the entropy falls from \(Self.g(a[.entropy].estimate.value, 3)) of log N at d = \(small) "
        md += "to \(Self.g(b[.entropy].estimate.value, 3)) at d = \(large), and the participation E[sum a^2] rises from "
        md += "\(Self.g(a[.participation].estimate.value, 3)) to \(Self.g(b[.participation].estimate.value, 3)) (1/N = \(Self.g(1 / Double(n), 2)) when uniform, 1 on one key). "
        if let low = scaled.min(), let high = scaled.max() {
            md += "With tau = sqrt(d), s stays near 1 and so does the entropy: between \(Self.g(low, 3)) and \(Self.g(high, 3)) of log N, "
            md += "near the REM value 1 - 1/(2 log N) = \(Self.g(1 - 1 / (2 * logN), 3)). "
        }
        md += "With tau = d, s is about 1/sqrt(d) and the weights drift to uniform (\(Self.g(e[.entropy].estimate.value, 4)) of log N at d = \(large)): "
        md += "muP's scale attends to nothing unless a key is aligned with the query (section 7).\n\n"
        // The output's variance is quoted where the queries are many: its per-query values are heavy-tailed.
        let experiment = results.collapse.experiment
        let full = keys.last { n in zip(experiment.cells, experiment.queries).allSatisfy { $0.keys != n || $1 == experiment.samples } } ?? n
        md += outputVarianceSentences(keys: full, dims: dims)
        md += "**QK-norm.** Normalizing q fixes |q|, so s no longer grows with d: for a unit query and Gaussian keys s = sigma_k / tau exactly, "
        md += "and the temperature (a learned gain in practice) alone decides how peaked attention is.\n\n"
        return md
    }

    /// The output variance's exact value at tau = sqrt(d) at d = `large` over d = `small` (the
    /// estimates' where the theory has none), or nil where either is missing.
    func settlingRatio(keys n: Int, small: Int, large: Int) -> Double? {
        guard let lo = collapseRow(keys: n, d: small, .sqrtD)?[.outputVariance],
              let hi = collapseRow(keys: n, d: large, .sqrtD)?[.outputVariance] else { return nil }
        let ratio = (hi.exact?.value ?? hi.estimate.value) / (lo.exact?.value ?? lo.estimate.value)
        return ratio.isFinite ? ratio : nil
    }

    /// "The output's variance", measured: the values v_j ~ N(0, sigma_v^2) drawn with the keys and
    /// the output o = sum_j a_j v_j, whose variance is sigma_v^2 E[sum a^2] exactly; how it moves
    /// with d at each temperature, each number an estimate ± SE with the exact value in brackets.
    func outputVarianceSentences(keys n: Int, dims: [Int]) -> String {
        guard let small = dims.first, let large = dims.last, small != large,
              let cell = collapseRow(keys: n, d: small, .none)?.cell else { return "" }
        func measured(_ d: Int, _ scale: SoftmaxScale) -> String? {
            guard let test = collapseRow(keys: n, d: d, scale)?[.outputVariance] else { return nil }
            let v = cell.valueSigma * cell.valueSigma
            let m = NumberStyle.measured(test.estimate.value / v, test.estimate.standardError / v, beside: test.exact.map { [$0.value / v] } ?? [])
            let power = m.exponent.map { " × 10^\($0)" } ?? ""
            return "(\(m.estimate) ± \(m.error))\(power) sigma_v^2" + (m.others.first.map { " [\($0)\(power)]" } ?? "")
        }
        guard let a = measured(small, .none), let b = measured(large, .none), let c = measured(small, .sqrtD), let e = measured(large, .sqrtD),
              let f = measured(small, .d), let g = measured(large, .d) else { return "" }
        let tests = collapse.comparisons.map { $0[.outputVariance] }.filter(\.isTested)
        let failed = collapse.comparisons.indices.filter { collapse.rejectedTests(row: $0).contains(.outputVariance) }.count
        var md = "**The output's variance.** Each query also draws one value v_j ~ N(0, sigma_v^2) per key (sigma_v = \(NumberText.format(cell.valueSigma)) here), "
        md += "and the output o = sum_j a_j v_j is measured. The values are independent of the weights, so Var(o) = sigma_v^2 E[sum a^2] exactly "
        md += "(docs/THEORY.md section 6). At N = \(n) and d = \(small) it is \(small == 1 ? "\(a) at every temperature (tau = 1 = sqrt(d) = d there)" : "\(a) unscaled, \(c) with tau = sqrt(d) and \(f) with tau = d") "
        md += "(exact values in brackets). At d = \(large): unscaled \(b), on its way to sigma_v^2 as attention passes one value through; "
        let settles = settlingRatio(keys: n, small: small, large: large).map { "\(Self.g($0, 2)) times its value at d = \(small) (s = |q|/sqrt(d) is near 1 at large d but spread out at small d, where the queries with a long q raise the mean)" }
            ?? "about its value at d = \(small)"
        md += "with tau = sqrt(d) \(e), \(settles); with tau = d \(g), near sigma_v^2 / N = \(Self.g(1 / Double(n), 2)) sigma_v^2 "
        md += "as attention averages ever more values. The output's scale through a layer depends on the temperature as much as on the values. "
        md += "Measured against sigma_v^2 times the exact participation in \(tests.count) rows, \(failed == 0 ? "none fails" : "\(failed) fail").\n\n"
        return md
    }
}
