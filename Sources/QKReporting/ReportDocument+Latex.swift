import Foundation
import QKSupport
import QKModel
import QKSampling
import QKSuite

extension ReportDocument {
    /// tables.tex: the report's tables, paper-ready (see ``LatexTable``).
    public var latex: String {
        "% Tables of the qkverify report. Needs \\usepackage{booktabs,dcolumn,array}.\n% Reproduce with: \(command)\n\n"
            + [momentsLatex, scalingLatex, softmaxLatex, distributionLatex, controlsLatex].map(\.source).joined(separator: "\n")
    }

    var momentsLatex: LatexTable {
        let sigma = VerificationSuite.sigma(of: design.grid)
        let n = LatexTable.number
        let rows = verdict.comparisons.enumerated().filter { $0.element.cell.sigma == sigma }.map { c, r in
            [String(r.cell.d), r.cell.model.mu.map { n($0, 4) } ?? Self.latexPair(r.cell.model.meanText), n(r[.variance].theory.value, 6), n(r[.variance].estimate.value, 5), n(r[.variance].estimate.standardError, 3),
             String(format: "%.2f", r[.variance].z), n(r.scaledVarianceTheory, 4), n(r.scaledVarianceEstimate, 4),
             verdict.rejectedTests(cell: c).isEmpty ? "pass" : "fail"]
        }
        return LatexTable(
            caption: "$\\operatorname{Var}(q^\\top k)$ against its closed form $d(\\sigma^4 + 2\\mu^2\\sigma^2)$, at $\\sigma = \(NumberText.format(sigma))$ only "
                + "(every $\\sigma$ is in \\texttt{moments.csv}); \(design.samples) samples per cell, standard errors from the fourth cumulant. "
                + "A cell fails when any of its four moment tests is rejected (Holm, family-wise $\\alpha = \(NumberText.format(verdict.alpha))$)."
                + (verdict.comparisons.allSatisfy(\.cell.model.isShared) ? "" : " Where $q$ and $k$ differ, $\\mu$ reads $\\mu_q{:}\\mu_k$."),
            label: "tab:moments",
            columns: [.init("$d$"), .init("$\\mu$"), .init("exact"), .init("estimate"),
                      .init("SE"), .init("$z$"), .init("exact"), .init("estimate"), .init("verdict", .centered)],
            rows: rows,
            groups: [("", 2), ("$\\operatorname{Var}(T)$", 4), ("$\\operatorname{Var}(T/\\sqrt{d})$", 2), ("", 1)])
    }

    var scalingLatex: LatexTable {
        LatexTable(
            caption: "The exponent $b$ of $\\operatorname{Var}(q^\\top k) = c\\,d^{\\,b}$: weighted least squares of $\\log \\operatorname{Var}$ on $\\log d$, "
                + "its 95\\% interval, and the fit's $\\chi^2$ $p$-value; a fit fails when $b = 1$ is rejected.",
            label: "tab:scaling",
            columns: [.init("$\\mu$"), .init("$\\sigma$"), .init("$b$"), .init("95\\% interval", .centered), .init("fit $p$"), .init("verdict", .centered)],
            rows: fits.map { entry in
                let model = entry.model
                let shown = [model.mu.map { LatexTable.number($0) } ?? Self.latexPair(model.meanText),
                             model.sigma.map { LatexTable.number($0) } ?? Self.latexPair(model.spreadText)]
                guard let fit = entry.fit else { return shown + ["", "", "", entry.verdictText] }
                return shown + [String(format: "%.4f", fit.slope),
                        String(format: "$[%.4f, %.4f]$", fit.slopeInterval.lowerBound, fit.slopeInterval.upperBound),
                        fit.degreesOfFreedom > 0 ? LatexTable.pValue(fit.fitP) : "", entry.verdictText]
            })
    }

    var softmaxLatex: LatexTable {
        let dims = Set(softmax.experiment.cells.map(\.d)).sorted()
        let keys = softmax.experiment.cells.first?.keys ?? 0
        func v(_ d: Int, _ scale: SoftmaxScale, _ s: SoftmaxStatistic) -> String {
            softmaxValue(mu: softmaxMu, scale: scale, d: d, s).map { String(format: "$%.3f \\pm %.3f$", $0.mean, $0.meanStandardError) } ?? ""
        }
        return LatexTable(
            caption: "Softmax over \(keys) keys at $\\mu = \(NumberText.format(softmaxMu))$, $\\sigma = \(NumberText.format(softmax.experiment.cells.first?.sigma ?? 1))$, without ($\\tau = 1$) and with ($\\tau = \\sqrt{d}$) the scale: "
                + "mean $\\pm$ SE over \(softmax.experiment.samples) queries of the largest weight, the entropy over $\\log N$, "
                + "and the share of weights with $p(1-p) < 10^{-6}$.",
            label: "tab:softmax",
            columns: [.init("$d$"), .init("max, $\\tau = 1$", .centered), .init("max, $\\tau = \\sqrt{d}$", .centered),
                      .init("entropy, $\\tau = 1$", .centered), .init("entropy, $\\tau = \\sqrt{d}$", .centered), .init("saturated, $\\tau = 1$", .centered)],
            rows: dims.map { d in [String(d), v(d, .none, .maxWeight), v(d, .sqrtD, .maxWeight), v(d, .none, .entropy), v(d, .sqrtD, .entropy), v(d, .none, .saturated)] },
            size: "footnotesize")
    }

    var distributionLatex: LatexTable {
        let (exact, chi, normal) = distributionRejections
        func p(_ x: Double, _ rejected: Bool) -> String { "$" + LatexTable.pValue(x) + (rejected ? "\\,\\dagger" : "") + "$" }
        return LatexTable(
            caption: "The law of $q^\\top k/\\sigma^2$ at $\\mu = 0$ against the exact variance-gamma law (Kolmogorov-Smirnov $D$, and Pearson $\\chi^2$ "
                + "over 60 bins of $q^\\top k/(\\sigma^2\\sqrt{d})$ and both tails) and of $q^\\top k/(\\sigma^2\\sqrt{d})$ against $N(0,1)$, \(distribution.first?.samples ?? 0) samples per $d$. "
                + "$\\dagger$: rejected (Holm within each test, $\\alpha = \(NumberText.format(verdict.alpha))$).",
            label: "tab:distribution",
            columns: [.init("$d$"), .init("$6/d$"), .init("$D$"), .init("$p$", .centered), .init("$\\chi^2$ (df)", .centered), .init("$p$", .centered),
                      .init("$D$"), .init("$p$", .centered)],
            rows: distribution.indices.map { i in
                let r = distribution[i]
                guard results.distribution.isTested(i) else {
                    return [String(r.cell.d), LatexTable.number(6 / Double(r.cell.d), 3), "", "untested", "", "untested", "", "untested"]
                }
                return [String(r.cell.d), LatexTable.number(6 / Double(r.cell.d), 3), LatexTable.number(r.exact.distance, 3), p(r.exact.p, exact[i]),
                        String(format: "%.1f (%d)", r.chiSquare.statistic, r.chiSquare.degreesOfFreedom), p(r.chiSquare.p, chi[i]),
                        LatexTable.number(r.normal.distance, 3), p(r.normal.p, normal[i])]
            },
            groups: [("", 2), ("exact variance-gamma law", 4), ("$N(0,1)$", 2)], size: "footnotesize")
    }

    var controlsLatex: LatexTable {
        LatexTable(
            caption: "Negative controls: true and plausible wrong formulas judged on the same samples, each as its own family "
                + "($\\alpha = \(NumberText.format(verdict.alpha))$); cells tested and rejected, and the largest $|z|$.",
            label: "tab:controls",
            columns: [.init("claim", .paragraph("4.2cm")), .init("truth", .centered), .init("tested"), .init("rejected"),
                      .init("$\\max|z|$"), .init("status", .centered)],
            rows: controls.map { r in
                let (tested, rejected) = r.check.cellCounts(r.control.claim)
                return ["\\texttt{\(LatexTable.escape(r.control.claim.label))}", r.control.isTrue ? "true" : "false",
                        String(tested), String(rejected), LatexTable.number(r.check.largestZ(r.control.claim), 3), r.status.rawValue]
            },
            size: "footnotesize")
    }

    /// q's and k's values (`1:0`) for a math column, with the colon as punctuation, not a relation.
    static func latexPair(_ text: String) -> String { text.replacingOccurrences(of: ":", with: "{:}") }
}
