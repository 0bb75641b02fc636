import Foundation
import QKSupport
import QKGSL
import QKModel
import QKStatistics
import QKSampling
import QKTheory
import QKExperiments
import QKVerdicts
import QKSuite

/// The report written from a suite's results: REPORT.md, and tables.tex for a paper.
public struct ReportDocument: Sendable {
    /// What the suite measured and judged.
    public let results: SuiteResults
    /// The figures drawn (empty without gnuplot).
    package let figures: [Figures.Figure]
    /// The command that reproduces everything.
    public let command: String

    /// A report of these results, embedding these figures.
    package init(results: SuiteResults, figures: [Figures.Figure], command: String) {
        self.results = results
        self.figures = figures
        self.command = command
    }

    var design: MomentsDesign { results.design }
    var verdict: MomentsVerdict { results.verdict }
    var seedCheck: ClaimCheck { results.seedCheck }
    var controls: [ControlResult] { results.controls }
    var fits: [ScalingVerdict.Entry] { results.scaling.entries }
    var softmax: SoftmaxResult { results.softmax }
    var distribution: [DistributionResult] { results.distribution.results }
    var models: [ModelsSuite.Outcome] { results.models }
    var aligned: SoftmaxResult { results.aligned }

    static func g(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)g", x) }

    /// A p-value for a reader: 3 significant digits, and `< 1e-300` where it underflowed to 0.
    static func p(_ x: Double) -> String { x == 0 ? "< 1e-300" : g(x, 3) }

    /// The mean the softmax table describes: 0 where the grid has it, else its first.
    var softmaxMu: Double {
        let means = softmax.experiment.cells.map(\.mu)
        return means.contains(0) ? 0 : means.first ?? 0
    }

    /// The softmax statistic for (mu, scale, d), if measured.
    func softmaxValue(mu: Double, scale: SoftmaxScale, d: Int, _ statistic: SoftmaxStatistic) -> StreamingMoments? {
        guard let c = softmax.experiment.cells.firstIndex(where: { $0.mu == mu && $0.d == d }) else { return nil }
        return softmax.summary(cell: c, scale, statistic)
    }

    /// The distribution tests' rejections (KS exact, chi-square exact, KS normal), from ``DistributionVerdict``.
    var distributionRejections: (exact: [Bool], chiSquare: [Bool], normal: [Bool]) {
        let v = results.distribution
        return (v.exactRejected, v.chiSquareRejected, v.normalRejected)
    }

    /// What the distribution tests found, in a sentence built from them.
    var distributionSummary: String {
        let (exact, chi, normal) = distributionRejections
        let tested = distribution.indices.filter(results.distribution.isTested)
        let untested = distribution.indices.filter { !results.distribution.isTested($0) }.map { String(distribution[$0].cell.d) }
        let untestedSentence = untested.isEmpty ? ""
            : " Untested at d = \(untested.joined(separator: ", ")): \(results.distribution.untested.compactMap { $0 }[0]), so no test is made there."
        guard !tested.isEmpty else { return "No distribution test is made." + untestedSentence }
        let dims = tested.map { distribution[$0].cell.d }
        let exactFails = tested.filter { exact[$0] || chi[$0] }.map { distribution[$0].cell.d }
        let first = exactFails.isEmpty ? "Neither KS nor chi-square rejects the exact law at any d" + (untested.isEmpty ? "" : " tested")
            : "The exact law is rejected (KS or chi-square) at d = \(exactFails.map(String.init).joined(separator: ", "))"
        let normalFails = tested.filter { normal[$0] }.map { distribution[$0].cell.d }
        let second: String
        if normalFails.isEmpty {
            second = "the normal approximation is rejected at no d tested"
        } else if let last = normalFails.max(), let firstPass = dims.filter({ $0 > last }).min() {
            second = "the normal approximation is rejected up to d = \(last) and not from d = \(firstPass) on (excess kurtosis 6/d: \(Self.g(6 / Double(firstPass), 2)) there), at \(distribution.first?.samples ?? 0) samples"
        } else {
            second = "the normal approximation is rejected at every d tested, up to d = \(normalFails.max()!)"
        }
        return first + "; " + second + "." + untestedSentence
    }

    /// A figure's Markdown (image and caption), or nothing when it was not drawn.
    func embed(_ file: String) -> String {
        guard let figure = figures.first(where: { $0.file == file }) else { return "" }
        return "![\(figure.caption)](\(figure.file))\n\n*\(figure.caption)*\n\n"
    }

    /// Words in a sentence: `a`, `a and b`, `a, b and c`.
    static func list(_ words: [String]) -> String {
        words.count <= 2 ? words.joined(separator: " and ") : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    /// REPORT.md: the sections in order, each written from the results.
    public var markdown: String {
        [introduction, claimsSection, varianceSection, scaledVarianceSection, softmaxSection, distributionSection,
         controlsSection, modelsMarkdown, filesSection].joined()
    }

    var introduction: String {
        var md = "# Why attention divides by sqrt(d): a Monte Carlo report\n\n"
        md += "Produced by qkverify. Everything below is reproduced byte for byte by:\n\n    \(command)\n\n"
        let seedModel = verdict.comparisons.allSatisfy { $0.cell.model.isSeedSetting && $0.cell.model.law == .gaussian }
        md += seedModel ? "Each cell draws q, k in R^d with independent N(mu, sigma^2) coordinates"
            : "Each cell draws q, k in R^d from its own coordinate model (law, means and spreads of q and k, correlation, normalization; `moments.csv` lists each cell's)"
        md += " (GSL generator \(design.generator.name), "
        md += "seed \(design.seed), \(design.samples) samples of T = q^T k per cell, \(verdict.comparisons.count) cells). "
        md += "Verdicts use Holm-Bonferroni at family-wise false-failure rate \(NumberText.format(verdict.alpha)). "
        if seedModel {
            md += "This setting, q and k with the same iid N(mu, sigma^2) coordinates, is the seed model: the one the derivation under test assumes. "
        }
        md += "A z is (estimate - claimed) over a standard error: the estimate's own for a mean, the one under the claim for a variance "
        md += "(the estimated SE times claimed / estimate), the known law's exact one for a skewness or kurtosis (docs/THEORY.md section 3); "
        md += "so a variance's z can differ from what the ± beside its estimate gives.\n\n"
        return md
    }

    var claimsSection: String {
        var md = "## 1. The claims\n\n"
        md += "The derivation under test: (a) E[q^T k] = d mu^2; (b) at mu = 0, sigma = 1, Var(q^T k) = d; (c) so s = sqrt(d) "
        md += "makes q^T k / s have mean 0 and variance 1.\n\n"
        for claim in seedCheck.claims {
            let (tested, failed) = seedCheck.cellCounts(claim)
            let whereText = claim.domain == .all || claim.domain == .seed ? "" : " (at \(claim.domain.rawValue))"
            let outcome = switch seedCheck.verdict(claim) {
            case .rejected: "REJECTED in \(failed) of \(tested) cells.\n"
            case .untested: "untested: no cell of this grid could test it.\n"
            default: "not rejected in any of the \(tested) cells tested.\n"
            }
            md += "- **\(claim.label)**\(whereText): " + outcome
        }
        let wrong = controls.filter { !$0.control.isTrue }
        let cells = verdict.comparisons.count
        let made = MomentStatistic.all.map { s in (s, verdict.tested.filter { $0.contains(s) }.count) }
        let partly = made.filter { $0.1 < cells }.map { "the \($0.0.name) test in \($0.1) of \(cells)" }
        md += "\nThe \(cells) cells' \(Self.list(MomentStatistic.all.map(\.name))) tests"
            + (partly.isEmpty ? "" : " (made in every cell but \(Self.list(partly)); elsewhere it is untested, see `moments.csv`)")
            + ": \(verdict.failedCells) cells fail. "
        md += "Of \(wrong.count) plausible wrong formulas run through the same samples, \(wrong.filter { $0.status == .detected }.count) are detected "
        md += "(section 6).\n\n"
        return md
    }

    var varianceSection: String {
        var md = "## 2. Var(q^T k) grows like d\n\n"
        let table = momentsTable
        if table.rows.count < verdict.comparisons.count {
            let sigma = VerificationSuite.sigma(of: design.grid)
            md += "The cells at sigma = \(NumberText.format(sigma)) (\(table.rows.count) of \(verdict.comparisons.count); `moments.csv` has them all):\n\n"
        }
        md += TableFormat.markdown(table) + "\n"
        if verdict.comparisons.contains(where: { !$0.cell.model.isShared }) {
            md += "Where q and k differ, mu and sigma read q's:k's.\n\n"
        }
        md += "A weighted least-squares fit of log Var(T) on log d for each (mu, sigma) gives the exponent b of Var(T) = c d^b. "
        md += "The verdict tests b = 1 (slope p), Holm over the \(fits.count) fits at alpha \(NumberText.format(verdict.alpha)), so a row whose 95% interval "
        md += "just misses 1 can pass; fit p says how well one straight line fits the points:\n\n"
        md += TableFormat.markdown(scalingTable) + "\n"
        let untested = results.scaling.untestedCount
        if untested > 0 {
            md += "\(untested) of these \(untested == 1 ? "is" : "are") untested: fewer than two of its dimensions have a variance "
                + "double precision can estimate at this (mu, sigma) (see the moments table's untested tests), so no slope is fitted.\n\n"
        }
        if !figures.isEmpty, let skipped = FigureSeries.skippedSentence(FigureSeries.sharedPairs(design.grid), in: verdict) { md += skipped + "\n\n" }
        return md + embed("variance.svg")
    }

    var scaledVarianceSection: String {
        var md = "## 3. Dividing by sqrt(d) fixes the variance, at sigma^4 + 2 mu^2 sigma^2\n\n"
        md += Self.unitScaledVarianceSentence(means: design.grid.means) + "\n\n"
        return md + embed("scaled_variance.svg")
    }

    /// Where Var(T / sqrt(d)) = sigma^2 (sigma^2 + 2 mu^2) is 1: the whole curve, with the spread
    /// that lies on it at each of the run's means (never "only at mu = 0, sigma = 1").
    static func unitScaledVarianceSentence(means: [Double]) -> String {
        let points = Grid.distinct(means.map(Swift.abs)).sorted().prefix(4).map { mu in
            "sigma = \(g(MomentStatistic.unitScaledVarianceSigma(mu: mu), 4)) at mu = \(NumberText.format(mu))"
        }
        return "Var(q^T k / sqrt(d)) = sigma^2 (sigma^2 + 2 mu^2) does not depend on d (column 'Var(T/sqrt d)' above), and it "
            + "equals 1 exactly on the curve sigma^2 (sigma^2 + 2 mu^2) = 1, that is sigma^2 = sqrt(mu^4 + 1) - mu^2: "
            + points.joined(separator: ", ") + ". The textbook's zero-mean, unit-variance coordinates (mu = 0, sigma = 1) are "
            + "one point of it; off the curve, dividing by sqrt(d) leaves a variance other than 1. This is the total variance only: "
            + "off mu = 0 the mean of q^T k / sqrt(d) is sqrt(d) mu^2 and still grows, and the spread softmax sees, the one given q, "
            + "is sigma^2 (sigma^2 + mu^2) per unit of d (section 4)."
    }

    var softmaxSection: String {
        var md = "## 4. Why it matters: softmax saturates without the scale\n\n"
        let keys = softmax.experiment.cells.first?.keys ?? 0
        let sigma = softmax.experiment.cells.first?.sigma ?? 1
        md += "For each query, \(keys) keys, \(softmax.experiment.samples) queries per cell, mu = \(NumberText.format(softmaxMu)), sigma = \(NumberText.format(sigma)) (mean ± SE; the entropy is over its largest value log N; saturated: the share of weights with p(1 - p) < 10^-6):\n\n"
        md += TableFormat.markdown(softmaxTable) + "\n"
        md += saturationSentences + shiftedMeanSentences + softmaxTheorySentence + embed("softmax.svg")
        return md + collapseMarkdown
    }

    /// How the softmax run fared against the exact theory of its weights.
    var softmaxTheorySentence: String {
        let v = results.softmaxVerdict
        guard v.testsMade > 0 else { return "" }
        return "Against the exact finite-N theory of the weights (docs/THEORY.md section 6), where the keys are Gaussian: \(v.testsMade) tests of the mean \(Self.list(SoftmaxStatistic.tested.map(\.name))) made, \(v.failedRows == 0 ? "none fails" : "\(v.failedRows) rows fail") (Holm at alpha \(NumberText.format(v.alpha)); `softmax.csv`, columns `*_theory` and `*_z`).\n\n"
    }

    /// How the largest weight and the Jacobian change with d, with and without the scale.
    var saturationSentences: String {
        let dims = Set(softmax.experiment.cells.map(\.d)).sorted()
        func value(_ scale: SoftmaxScale, _ d: Int, _ s: SoftmaxStatistic) -> StreamingMoments? {
            softmaxValue(mu: softmaxMu, scale: scale, d: d, s)
        }
        guard let small = dims.first, let large = dims.last,
              let a = value(.none, small, .maxWeight), let b = value(.none, large, .maxWeight),
              let c = value(.sqrtD, large, .maxWeight), let j1 = value(.none, large, .jacobianNorm),
              let j2 = value(.sqrtD, large, .jacobianNorm) else { return "" }
        var md = "Unscaled, the spread of the logits grows like sqrt(d): the largest weight rises from \(Self.g(a.mean, 3)) at d = \(small) "
        md += "to \(Self.g(b.mean, 3)) at d = \(large), and the softmax Jacobian's norm (the gradient it passes) falls to \(Self.g(j1.mean, 3)), "
        md += "against \(Self.g(j2.mean, 3)) with tau = sqrt(d), where the largest weight is \(Self.g(c.mean, 3)). "
        let scaled = dims.compactMap { value(.sqrtD, $0, .maxWeight)?.mean }
        guard let lowest = scaled.min(), let highest = scaled.max() else { return md + "\n\n" }
        md += "Over d = \(small) to \(large) the scaled largest weight stays between \(Self.g(lowest, 3)) and \(Self.g(highest, 3)); "
        md += "what variation there is comes at small d, where |q|^2 / d fluctuates like a chi-squared with d degrees of freedom "
        md += "(relative spread sqrt(2/d): \(Self.g((2 / Double(small)).squareRoot(), 2)) at d = \(small), \(Self.g((2 / Double(large)).squareRoot(), 2)) at d = \(large)).\n\n"
        return md
    }

    /// At a nonzero mean, which temperature is right, where the grid has a second mean.
    var shiftedMeanSentences: String {
        let cells = softmax.experiment.cells
        guard let large = Set(cells.map(\.d)).max(), let mu = cells.last(where: { $0.mu != softmaxMu })?.mu,
              let s = softmaxValue(mu: mu, scale: .sqrtD, d: large, .maxWeight), let w = softmaxValue(mu: mu, scale: .withinQuery, d: large, .maxWeight),
              let t = softmaxValue(mu: mu, scale: .total, d: large, .maxWeight), let z = softmaxValue(mu: softmaxMu, scale: .sqrtD, d: large, .maxWeight)
        else { return "" }
        var md = "With mu = \(NumberText.format(mu)) the right temperature is the spread of the logits *given q*, "
        md += "tau = sqrt(d sigma^2 (sigma^2 + mu^2)), since softmax ignores a shift shared by all keys: at d = \(large) it gives a largest weight of "
        md += "\(Self.g(w.mean, 3)) (mu = \(NumberText.format(softmaxMu)) with sqrt(d): \(Self.g(z.mean, 3))), while sqrt(d) leaves it too sharp (\(Self.g(s.mean, 3))) "
        md += "and the total sqrt(Var T) too flat (\(Self.g(t.mean, 3))).\n\n"
        return md
    }

    var distributionSection: String {
        var md = "## 5. The whole distribution\n\n"
        md += "At mu = 0, q^T k / sigma^2 has an exact variance-gamma law (density |x|^((d-1)/2) K_((d-1)/2)(|x|) / (sqrt(pi) Gamma(d/2) 2^((d-1)/2))). "
        md += "Kolmogorov-Smirnov and chi-square (60 bins of q^T k / (sigma^2 sqrt(d)) of width 1/6 on [-5, 5], and both tails) tests of \(distribution.first?.samples ?? 0) samples per d against it, and a Kolmogorov-Smirnov test of q^T k / (sigma^2 sqrt(d)) against N(0, 1), each family Holm-corrected. Adjacent bins are pooled until each expects at least 5 samples, so df (pooled bins - 1) falls as the tails thin with d:\n\n"
        md += TableFormat.markdown(distributionTable) + "\n"
        md += distributionSummary + "\n\n"
        return md + embed("histograms.svg")
    }

    var controlsSection: String {
        var md = "## 6. Negative controls\n\n"
        md += "Each formula is judged as its own family on the same samples. A wrong formula that no cell can tell from the truth would show as "
        md += "`undetected`; one whose statistic is too far from normal at this sample size as `untested`.\n\n"
        return md + TableFormat.markdown(controlsTable) + "\n"
    }

    var filesSection: String {
        var md = "## Files\n\n"
        md += "`moments.csv` (all \(MomentsTable.header.count) columns), `controls.csv`, `scaling.csv`, `softmax.csv`, `distribution.csv`, "
        md += "`histogram.csv`" + (models.isEmpty ? "" : ", `models.csv`, `aligned.csv`") + (results.collapse.cells.isEmpty ? "" : ", `collapse.csv`")
        md += (figures.isEmpty ? "" : ", and the figures") + ". Generated by qkverify \(ReportDocument.version). "
        md += "(`bench.csv` and `shards.csv`, where a directory has them, come from the benchmark and the shards example of the README, not from this run.)\n"
        if figures.isEmpty { md += "\n(Figures were not drawn: gnuplot is not installed; `apt-get install gnuplot-nox`.)\n" }
        return md
    }

    /// The tool's version, as printed in reports.
    public static let version = "0.1.0"

}
