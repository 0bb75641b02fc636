import Foundation
import Testing
@testable import QKModel
@testable import QKReporting

/// `qkverify report` through the real executable: every file written, the same bytes again, figures that follow the grid.
@Suite struct ReportCommandTests {
    /// The report and every figure are written, and a second run writes the same bytes.
    @Test func reportAndFiguresRegenerateByteIdentically() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["report", "--dims", "1,4,16", "--means", "0,1", "--sigmas", "1", "--samples", "10000", "--collapse-keys", "16,256",
                    "--queries", "200", "--distribution-samples", "2000", "--format", "latex", "--quiet"]
        var outputs: [[String: Data]] = []
        let dir = root.appendingPathComponent("results")
        for threads in ["1", "2"] {  // the same command twice, on 1 and 2 threads: the second run overwrites the first
            let r = try CLI.run(args + ["--out-dir", dir.path, "--threads", threads])
            #expect(r.status == 0, "\(r.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            outputs.append(try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: dir.appendingPathComponent($0))) }))
        }
        var expected = ["REPORT.md", "REPORT.html", "controls.csv", "distribution.csv", "histogram.csv", "moments.csv", "scaling.csv",
                        "softmax.csv", "tables.tex", "models.csv", "aligned.csv", "collapse.csv"]
        if Figures.gnuplotPath != nil {  // figures: see the next test
            expected += (Figures.figures(for: try Grid(dims: [1, 4, 16], means: [0, 1], sigmas: [1]), keys: 64).map(\.file) + ["aligned.svg", "collapse.svg"]).flatMap { svg in
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
        // The collapse of attention: the threshold, the run's verdict against the exact theory, the numbers.
        #expect(report.contains("### When attention collapses"))
        #expect(report.contains("attention collapses past d* = 2 log N: 5.55 for N = 16, 11.1 for N = 256."))
        #expect(report.range(of: #"Against the exact theory \(entropy, participation, sum a\^3, squared Jacobian norm, largest weight and output variance\): \d+ tests made, none fails"#, options: .regularExpression) != nil)
        // The output's variance is quoted from the run: collapse.csv's output_var and its theory at N = 256, d = 16, unscaled.
        let collapse = String(decoding: outputs[0]["collapse.csv"]!, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = { (name: String) in collapse[0].firstIndex(of: name)! }
        // (The numeric columns come before the free-text 'untested', whose reasons may hold commas.)
        let row = try #require(collapse.first { $0.count > column("output_var_theory") && $0[column("d")] == "16" && $0[column("keys")] == "256" && $0[column("scale")] == "none" })
        let quoted = try #require(report.firstMatch(of: #/At d = 16: unscaled \(([0-9.]+) ± ([0-9.]+)\) sigma_v\^2 \[([0-9.]+)\]/#))
        let (estimate, se, exact) = (Double(quoted.1)!, Double(quoted.2)!, Double(quoted.3)!)
        #expect(abs(estimate - Double(row[column("output_var")])!) <= se / 10, "\(quoted.0) against \(row[column("output_var")])")
        #expect(abs(exact - Double(row[column("output_var_theory")])!) <= se / 10)
        #expect(abs(se - Double(row[column("output_var_se")])!) <= se / 10)
        #expect(report.contains("At N = 256, unscaled, the entropy falls from"))
        #expect(report.contains("qkverify report --dims 1,4,16"))
        #expect(report.contains("## 7. Where the sqrt(d) argument holds, and where it breaks"))
        #expect(report.contains("### The aligned key: why muP scales by 1/d"))
        #expect(!report.contains("--threads") && !report.contains("--quiet"))
        #expect(String(decoding: outputs[0]["tables.tex"]!, as: UTF8.self).contains("\\toprule"))
    }

    /// The chi-square test's bins and the histogram are of T / (sigma^2 sqrt(d)), and the report, the
    /// LaTeX caption and the table's column say so (they read as bins of T / sigma^2; issue 25 item 5).
    @Test func theHistogramsUnitsAreSigmaSquaredTimesRootD() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["report", "--dims", "1,4", "--means", "0", "--sigmas", "1", "--samples", "10000", "--queries", "200",
                             "--distribution-samples", "2000", "--format", "latex", "--quiet", "--out-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("chi-square (60 bins of q^T k / (sigma^2 sqrt(d)) of width 1/6 on [-5, 5]"), "\(report)")
        let tex = try String(contentsOf: dir.appendingPathComponent("tables.tex"), encoding: .utf8)
        #expect(tex.contains("over 60 bins of $q^\\top k/(\\sigma^2\\sqrt{d})$"), "\(tex)")
        #expect(DistributionTable.columns.first { $0.name == "chi2_exact" }?.meaning.contains("T / (sigma^2 sqrt(d))") == true)
    }

    /// Every figure is drawn, is a complete SVG, is embedded in the report, and is the same bytes again.
    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"))
    func figuresAreDrawnWholeAndRegenerateByteIdentically() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["report", "--dims", "1,4,16,64", "--means", "0,1", "--sigmas", "1", "--samples", "10000", "--collapse-keys", "16",
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

    /// A small, quick report on a grid into `dir`; expects it to succeed.
    func smallReport(_ grid: [String], in dir: URL) throws {
        let r = try CLI.run(["report"] + grid + ["--samples", "1e4", "--queries", "200", "--distribution-samples", "2000",
                                                 "--collapse-keys", "16", "--out-dir", dir.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// Where q and k have different means, the reader's tables say so (`1:0`, q's then k's) instead
    /// of printing q's mean as if both had it, and the CSV leaves the shared mean empty.
    @Test func cellsWhoseQAndKDifferAreLabelledQColonK() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--dims", "2,8", "--q-means", "0,1", "--k-means", "0", "--sigmas", "1", "--format", "latex"], in: dir)
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("| 2 | 1:0 | 1 | 4 |") && report.contains("| 1:0 | 1 | "), "\(report)")
        #expect(report.contains("Where q and k differ, mu and sigma read q's:k's."))
        #expect(report.contains("from its own coordinate model") && !report.contains("independent N(mu, sigma^2) coordinates"))
        let scaling = try String(contentsOf: dir.appendingPathComponent("scaling.csv"), encoding: .utf8)
        #expect(scaling.contains("\r\n,1,2,"), "\(scaling)")
        // In tables.tex a mixed column is set in text, where the colon is punctuation as written.
        let tex = try String(contentsOf: dir.appendingPathComponent("tables.tex"), encoding: .utf8)
        #expect(tex.contains("2 & 1:0 & 1 & 4 &"), "\(tex)")
    }

    @Test func aReportOnAGridWithoutTheStandardCellSaysUntestedInsteadOfBlamingClaims() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--means", "0.5", "--sigmas", "2", "--dims", "1,2"], in: dir)
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("**Var(T) = d** (at mu=0 and sigma=1): untested: no cell of this grid could test it."))
        // The softmax section describes the grid's mean and spread, not mu = 0, sigma = 1.
        #expect(report.contains("mu = 0.5, sigma = 2 (mean ± SE;") && !report.contains("| 1 |  |"), "\(report)")
    }

    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"))
    func everyFigureFollowsASmallNonDefaultGrid() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--dims", "2,8,32", "--means", "0,1", "--sigmas", "1"], in: dir)
        let histogram = try String(contentsOf: dir.appendingPathComponent("histogram.csv"), encoding: .utf8)
        #expect(Set(histogram.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }) == ["2", "8", "32"])
        // The legend names each series in mathematics (as gnuplot's enhanced text, in the script).
        let variance = try String(contentsOf: dir.appendingPathComponent("variance.gp"), encoding: .utf8)
        #expect(variance.contains("title \"{/:Italic μ} = 0, {/:Italic σ} = 1\"") && variance.contains("title \"{/:Italic μ} = 1, {/:Italic σ} = 1\""))
        // The prose is built from this run's numbers, not the default grid's.
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("Over d = 2 to 32 the scaled largest weight stays between ") && !report.contains("At d <= 4"))
        #expect(report.contains("the normal approximation is rejected"))
        // Words left-aligned, numbers right-aligned in its tables.
        #expect(report.contains("| d | 6/d | KS to exact law | p | chi-square to exact | df | p | KS to N(0,1) | p | rejected |")
                && report.contains("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"), "\(report)")
    }

    /// Valid grids once ended with exit 74 and no REPORT.md: gnuplot refused `1e-05` and `1e+20` as
    /// numbers in the figure scripts, and a plot whose series all lacked a point (q and k differing in
    /// every cell; a variance beyond double precision). Now every such report is written, the figures
    /// that can be drawn are, and REPORT.md says which series it left out.
    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"),
          arguments: [
            (["--sigmas", "1e-5"], nil), (["--sigmas", "1e-10"], nil), (["--sigmas", "1e20"], nil),
            (["--q-means", "1", "--k-means=-1", "--q-sigmas", "2", "--k-sigmas", "0.5"], "q and k differ in every cell here"),
            (["--means=-1e30", "--sigmas", "1"], "not drawn: no estimate of Var(T) at mu = -1e+30, sigma = 1 is finite"),
            (["--means", "0", "--sigmas", "1e100"], "not drawn: no estimate of Var(T) at mu = 0, sigma = 1e+100 is finite"),
            (["--means", "0,-1e30", "--sigmas", "1"], "leave out mu = -1e+30, sigma = 1: no estimate"),
          ] as [([String], String?)])
    func reportsOnExtremeOrUnsharedGridsDrawWhatTheyCanAndSaySo(grid: [String], sentence: String?) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--dims", "1,2"] + grid, in: dir)
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        let drawn = FileManager.default.fileExists(atPath: dir.appendingPathComponent("variance.svg").path)
        if let sentence {
            #expect(report.contains(sentence), "\(report)")
            #expect(drawn == sentence.contains("leave out"))
        } else {
            #expect(drawn && !report.contains("not drawn") && !report.contains("leave out"))
        }
        for figure in ["softmax.svg", "histograms.svg", "aligned.svg", "collapse.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(figure).path), "\(figure)")
        }
    }
}
