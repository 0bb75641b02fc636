import Foundation
import Testing
@testable import QKVerify

/// The teaching experiments: the scaling law, softmax saturation, the exact distribution, the report.
@Suite struct TeachingTests {
    /// Unscaled, the mean largest weight rises towards 1 with d; with tau = sqrt(d) it does not move
    /// beyond its standard error between d = 64 and d = 512 (below d ~ 8 it still moves, because |q|^2/d
    /// fluctuates like chi-squared_d / d).
    @Test func unscaledSoftmaxSaturatesScaledDoesNot() throws {
        let experiment = try SoftmaxExperiment(grid: Grid(dims: [1, 8, 64, 512], means: [0], sigmas: [1]), keys: [64],
                                               samples: 2000, seed: 11, generator: .standard)
        let summaries = experiment.run(threads: 2)
        func weight(_ cell: Int, _ scale: SoftmaxScale) -> StreamingMoments {
            summaries[cell][SoftmaxWork.component(scale, .maxWeight)]
        }
        let unscaled = (0..<4).map { weight($0, .none).mean }
        #expect(unscaled == unscaled.sorted() && unscaled[3] > 0.9 && unscaled[0] < 0.15)
        let a = weight(2, .sqrtD), b = weight(3, .sqrtD)
        let combined = (a.meanStandardError * a.meanStandardError + b.meanStandardError * b.meanStandardError).squareRoot()
        #expect(abs(a.mean - b.mean) < 5 * combined)
        #expect(abs(a.mean - b.mean) < 0.02)
        // Saturation: most weights pass almost no gradient unscaled at d = 512, none scaled.
        #expect(summaries[3][SoftmaxWork.component(.none, .saturated)].mean > 0.9)
        #expect(summaries[3][SoftmaxWork.component(.sqrtD, .saturated)].mean == 0)
        // Scaled logits have variance about 1 within a query; unscaled about d.
        #expect(abs(summaries[3][SoftmaxWork.component(.sqrtD, .logitVariance)].mean - 1) < 0.05)
    }

    /// With mu != 0, the within-query scale gives the attention that mu = 0 gets with sqrt(d).
    @Test func withinQueryScaleIsRightWhenMuIsNotZero() throws {
        let experiment = try SoftmaxExperiment(grid: Grid(dims: [256], means: [0, 1], sigmas: [1]), keys: [64],
                                               samples: 2000, seed: 12, generator: .standard)
        let s = experiment.run(threads: 2)
        let reference = s[0][SoftmaxWork.component(.sqrtD, .maxWeight)]
        let within = s[1][SoftmaxWork.component(.withinQuery, .maxWeight)]
        let naive = s[1][SoftmaxWork.component(.sqrtD, .maxWeight)]
        let se = (reference.meanStandardError * reference.meanStandardError + within.meanStandardError * within.meanStandardError).squareRoot()
        #expect(abs(within.mean - reference.mean) < 5 * se)
        #expect((naive.mean - reference.mean) / se > 10)  // sqrt(d) is too sharp at mu = 1
        #expect(abs(s[1][SoftmaxWork.component(.withinQuery, .logitVariance)].mean - 1) < 0.05)
    }

    /// The samples' KS distance from the exact law is consistent with zero at every d; from the normal,
    /// clearly not at d = 1.
    @Test func ksDistanceToTheExactLawIsConsistentWithZero() throws {
        let experiment = try DistributionExperiment(dims: [1, 2, 5, 64], sigmas: [1, 3], samples: 20_000, seed: 3, generator: .standard)
        let lists = experiment.run(threads: 2)
        let results = zip(experiment.cells, lists).map { DistributionResult(cell: $0, samples: $1, law: VarianceGamma(d: $0.d)) }
        let rejected = HolmBonferroni.rejections(results.map(\.exact.p), alpha: 0.001)
        #expect(!rejected.contains(true), "\(results.map(\.exact.p))")
        #expect(results.filter { $0.cell.d == 1 }.allSatisfy { $0.normal.p < 1e-10 })
    }

    /// The report and every figure are written, and a second run writes the same bytes.
    @Test func reportAndFiguresRegenerateByteIdentically() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["report", "--dims", "1,4,16", "--means", "0,1", "--sigmas", "1", "--samples", "10000",
                    "--queries", "200", "--distribution-samples", "2000", "--format", "latex", "--quiet"]
        var outputs: [[String: Data]] = []
        let dir = root.appendingPathComponent("results")
        for threads in ["1", "2"] {  // the same command twice, on 1 and 2 threads: the second run overwrites the first
            let r = try CLI.run(args + ["--out-dir", dir.path, "--threads", threads])
            #expect(r.status == 0, "\(r.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            outputs.append(try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: dir.appendingPathComponent($0))) }))
        }
        var expected = ["REPORT.md", "controls.csv", "distribution.csv", "histogram.csv", "moments.csv", "scaling.csv",
                        "softmax.csv", "tables.tex", "models.csv", "aligned.csv"]
        if Figures.gnuplotPath != nil {  // figures: see the next test
            expected += (Figures.figures(for: try Grid(dims: [1, 4, 16], means: [0, 1], sigmas: [1]), keys: 64).map(\.file) + ["aligned.svg"]).flatMap { svg in
                ["svg", "png", "pdf", "gp"].map { String(svg.dropLast(3)) + $0 }
            }
        }
        #expect(outputs[0].keys.sorted() == expected.sorted())
        for name in expected {
            #expect(outputs[0][name] == outputs[1][name], "\(name) differs between runs")
            #expect((outputs[0][name]?.count ?? 0) > 100, "\(name) is nearly empty")
        }
        let report = String(decoding: outputs[0]["REPORT.md"]!, as: UTF8.self)
        #expect(report.contains("**Var(T) = d** (at mu=0 and sigma=1): not rejected in any of the 3 cells tested."))
        #expect(report.contains("qkverify report --dims 1,4,16"))
        #expect(report.contains("## 7. Where the sqrt(d) argument holds, and where it breaks"))
        #expect(report.contains("### The aligned key: why muP scales by 1/d"))
        #expect(!report.contains("--threads") && !report.contains("--quiet"))
        #expect(String(decoding: outputs[0]["tables.tex"]!, as: UTF8.self).contains("\\toprule"))
    }

    /// Every figure is drawn, is a complete SVG, is embedded in the report, and is the same bytes again.
    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"))
    func figuresAreDrawnWholeAndRegenerateByteIdentically() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["report", "--dims", "1,4,16,64", "--means", "0,1", "--sigmas", "1", "--samples", "10000",
                    "--queries", "200", "--distribution-samples", "2000", "--quiet", "--out-dir", dir.path]
        let figures = Figures.figures(for: try Grid(dims: [1, 4, 16, 64], means: [0, 1], sigmas: [1]), keys: 64)
        var drawn: [[Data]] = []
        for _ in 0..<2 {
            #expect(try CLI.run(args).status == 0)
            drawn.append(try figures.map { try Data(contentsOf: dir.appendingPathComponent($0.file)) })
            // The PNG (slides) and PDF (LaTeX) versions, and the script that draws them, beside the SVG.
            for figure in figures {
                let stem = String(figure.file.dropLast(4))
                let png = try Data(contentsOf: dir.appendingPathComponent(stem + ".png"))
                let pdf = try Data(contentsOf: dir.appendingPathComponent(stem + ".pdf"))
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && pdf.starts(with: Array("%PDF".utf8)), "\(stem)")
                let script = try String(contentsOf: dir.appendingPathComponent(stem + ".gp"), encoding: .utf8)
                #expect(script.contains("set output \"\(figure.file)\""))
                drawn[drawn.count - 1] += [png, pdf]
            }
        }
        #expect(drawn[0] == drawn[1])
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        for (figure, data) in zip(figures, drawn[0]) {
            let svg = String(decoding: data, as: UTF8.self)
            #expect(svg.hasPrefix("<?xml") && svg.contains("</svg>"), "\(figure.file) is not a whole SVG")
            #expect(svg.contains("<path"), "\(figure.file) has nothing drawn")
            #expect(report.contains("](\(figure.file))"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)  // no temporaries left
    }

    /// The figures read the grid, not the default run: the histograms loop over the grid's histogram
    /// dimensions (not a fixed list of powers of 2), and the softmax caption names the keys used.
    @Test func figuresFollowTheGridsDimensionsSpreadAndKeys() throws {
        let figures = Figures.figures(for: try Grid(dims: [3, 6, 12], means: [0], sigmas: [2]), keys: 16)
        let histograms = try #require(figures.first { $0.file == "histograms.svg" })
        #expect(histograms.script.contains("do for [dd in \"3 6 12\"]"))
        #expect(histograms.caption.contains("q^T k / (sigma^2 sqrt(d)) at mu = 0, sigma = 2"))
        #expect(try #require(figures.first { $0.file == "softmax.svg" }).caption.hasPrefix("Attention with 16 keys"))
    }
}

/// The histogram compares like with like: exact bin probabilities, the right first bin, and a
/// chi-square test with teeth.
struct HistogramBinsTests {
    @Test func valuesBelowTheRangeGoToTheTailNotTheFirstBin() {
        let bins = HistogramBins([-5.1, -5.0, -4.9, 5.0, 4.99])
        #expect(bins.counts[HistogramBins.count] == 1)       // -5.1: left tail (truncation put it in bin 0)
        #expect(bins.counts[0] == 2)                         // -5.0 and -4.9
        #expect(bins.counts[HistogramBins.count - 1] == 1)   // 4.99
        #expect(bins.counts[HistogramBins.count + 1] == 1)   // 5.0: right tail
    }

    @Test func binProbabilitiesOfTheExactLawSumToOneAndMatchItsPeakAtDOne() {
        let law = VarianceGamma(d: 1)
        let p = HistogramBins.probabilities { law.cdf($0) }
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        // The bin [0, 1/6) at d = 1: the density is infinite at 0, its bin mean is 0.928.
        #expect(abs(p[30] / HistogramBins.width - 0.9279) < 1e-3)
    }

    @Test func chiSquareAcceptsTheExactLawAndRejectsTheNormalAtDOne() throws {
        let design = try DistributionExperiment(dims: [1], sigmas: [1], samples: 100_000, seed: 3, generator: GeneratorType(name: "mt19937"))
        let lists = design.run(threads: 2)
        let (results, _) = design.analyse(lists, histogramDims: [])
        #expect(results[0].chiSquare.p > 0.001, "\(results[0].chiSquare)")
        let normal = HistogramBins.probabilities(cdf: SpecialFunctions.normalCDF)
        let wrong = HistogramBins(lists[0].values).chiSquare(probabilities: normal)
        #expect(wrong.p < 1e-10, "\(wrong)")
    }
}
