import Foundation
import Testing
@testable import QKVerify

/// What a new user trips on (issue 13): each of these used to fail with a confusing message.
@Suite struct NewUserTests {
    @Test func dimsAcceptTheEllipsisTheReadmeWrites() throws {
        #expect(try OptionValue.positiveIntegers("1,2,4,...,512", option: "--dims") == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        #expect(try OptionValue.positiveIntegers("4,8,...,20", option: "--dims") == [4, 8, 12, 16, 20])
        #expect(try OptionValue.positiveIntegers("1,2,...,5", option: "--dims") == [1, 2, 3, 4, 5])
        for bad in ["1,2,4,...,500", "1,...,4", "1,3,4,...,9", "1,2,...", "...,4"] {
            #expect(throws: QKVerifyError.self, "\(bad)") { try OptionValue.positiveIntegers(bad, option: "--dims") }
        }
    }

    @Test func aMistypedSubcommandGetsTheNearestOne() throws {
        let r = try CLI.run(["momets"])
        #expect(r.status == 64 && r.stderr.contains("unknown command 'momets'; did you mean 'moments'?"), "\(r.stderr)")
        #expect(r.stderr.contains("allowed: report, moments, check"))
        let far = try CLI.run(["frobnicate"])
        #expect(far.status == 64 && !far.stderr.contains("did you mean"))
    }

    @Test func anUnquotedFormulaGetsTheQuoteHint() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent("a.txt"))
        let r = try CLI.shell("\"$QK\" check --var d * sigma^2 --dims 1", in: dir)
        #expect(r.status == 64 && r.stderr.contains("a formula is one argument: quote it"), "\(r.stderr)")
        let power = try CLI.run(["check", "--var", "d**2", "--dims", "1"])
        #expect(power.status == 64 && power.stderr.contains("write ^ (d^2, not d**2)"), "\(power.stderr)")
    }

    @Test func theClaimSetHasANameThatIsNotTheRNGSeed() throws {
        let r = try CLI.run(["check", "--claims", "textbook", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--quiet"])
        #expect(r.status == 0 && r.stdout.contains("Var(T) = d"), "\(r.stderr)")
        let bad = try CLI.run(["check", "--claims", "nope", "--dims", "1"])
        #expect(bad.stderr.contains("allowed: textbook (also 'seed'), paper"))
    }

    /// A small, quick report on a grid into `dir`; expects it to succeed.
    func smallReport(_ grid: [String], in dir: URL) throws {
        let r = try CLI.run(["report"] + grid + ["--samples", "1e4", "--queries", "200", "--distribution-samples", "2000",
                                                 "--out-dir", dir.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func aReportOnAGridWithoutTheStandardCellSaysUntestedInsteadOfBlamingClaims() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--means", "0.5", "--sigmas", "2", "--dims", "1,2"], in: dir)
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("**Var(T) = d** (at mu=0 and sigma=1): untested: no cell of this grid could test it."))
        // The softmax section describes the grid's mean and spread, not mu = 0, sigma = 1.
        #expect(report.contains("mu = 0.5, sigma = 2 (mean ± SE)") && !report.contains("| 1 |  |"))
    }

    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"))
    func everyFigureFollowsASmallNonDefaultGrid() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallReport(["--dims", "2,8,32", "--means", "0,1", "--sigmas", "1"], in: dir)
        let histogram = try String(contentsOf: dir.appendingPathComponent("histogram.csv"), encoding: .utf8)
        #expect(Set(histogram.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }) == ["2", "8", "32"])
        let variance = try String(contentsOf: dir.appendingPathComponent("variance.svg"), encoding: .utf8)
        #expect(variance.contains("mu = 0, sigma = 1") && variance.contains("mu = 1, sigma = 1"))
        // The prose is built from this run's numbers, not the default grid's.
        let report = try String(contentsOf: dir.appendingPathComponent("REPORT.md"), encoding: .utf8)
        #expect(report.contains("Over d = 2 to 32 the scaled largest weight stays between ") && !report.contains("At d <= 4"))
        #expect(report.contains("the normal approximation is rejected"))
        // Words left-aligned, numbers right-aligned in its tables.
        #expect(report.contains("| d | excess kurtosis | KS to exact law | p | verdict |") && report.contains("|---:|---:|---:|---:|---|"))
    }
}

/// Options that would be silently ignored are refused; tables print without a CSV viewer.
@Suite struct TableOutputTests {
    @Test(arguments: ["--samples", "--seed", "--rng", "--block-size"])
    func planRefusesOptionsItWouldIgnore(option: String) throws {
        let value = option == "--rng" ? "mt19937" : "100000"
        let r = try CLI.run(["plan", "--dims", "1", option, value])
        #expect(r.status == 64 && r.stderr.contains("\(option): plan draws no samples"), "\(r.stderr)")
    }

    @Test func momentsAndScalingPrintTheirTableInTheFormatAsked() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--dims", "1,4", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--quiet"]
        let text = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "text"], in: dir)
        #expect(text.status == 0 && text.stdout.hasPrefix("d  mu  sigma  law") && text.stdout.contains("var_rel_error"), "\(text.stdout)")
        let json = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "json"], in: dir)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 2 && rows?[0]["var_theory"] as? Double == 1)
        let csv = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "csv"], in: dir)
        #expect(csv.stdout == (try String(contentsOf: dir.appendingPathComponent("m.csv"), encoding: .utf8)))
        let scaling = try CLI.run(["scaling"] + grid + ["--out", "s.csv", "--format", "text"], in: dir)
        #expect(scaling.status == 0 && scaling.stdout.hasPrefix("mu  sigma  dims  slope"), "\(scaling.stdout)")
        let bad = try CLI.run(["moments"] + grid + ["--out", "m2.csv", "--format", "yaml"], in: dir)
        #expect(bad.status == 64 && bad.stderr.contains("--format") && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("m2.csv").path))
    }

    @Test func anUnderflowedPValueReadsAsBelowTheSmallestNotZero() {
        #expect(ReportDocument.p(0) == "< 1e-300" && ReportDocument.p(0.0123) == "0.0123")
    }

    @Test func theRelativeErrorColumnIsEstimateOverTheoryMinusOne() throws {
        let design = try Fixtures.design(dims: [4], means: [0], sigmas: [1], samples: 10_000)
        let table = MomentsTable.table(MomentsVerdict(MomentsExperiment(design: design, threads: 1).run().map(MomentComparison.init), alpha: 0.001), design: design)
        let row = table.rows[0]
        let value = { (name: String) in Double(row[table.header.firstIndex(of: name)!])! }
        #expect(abs(value("var_rel_error") - (value("var_est") / value("var_theory") - 1)) < 1e-15)
    }

    @Test(arguments: ["check", "moments", "merge", "report", "plan", "scaling", "softmax", "distribution", "generators"])
    func everyHelpPageHasExamplesAndLinesThatFit(command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.stdout.contains("Examples:\n  qkverify \(command)"), "\(command)")
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("USAGE") }.allSatisfy { $0.count <= 80 }, "\(command)")
    }
}
