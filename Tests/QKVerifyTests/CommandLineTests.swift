import Foundation
import Testing

/// The command line as a whole (`QKVerifyCommand`): what every command shares, bad input, help pages.
@Suite struct CommandLineTests {
    static let tiny = ["--dims", "1,2", "--means", "0", "--sigmas", "1", "--samples", "10000", "--quiet"]

    @Test func tinyRunWritesTheTable() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.csv")
        let r = try CLI.run(["moments"] + Self.tiny + ["--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("d,mu,sigma,law,mu_q,mu_k,sigma_q,sigma_k,rho,norm,samples,seed,rng,mean_theory,mean_est,mean_se,mean_se_theory,mean_z,mean_p,var_theory,var_est,var_se,var_se_theory,var_z,var_p,skew_theory"))
        #expect(text.split(separator: "\r\n").count == 3)
        #expect(r.stderr.isEmpty)
    }

    @Test func summaryLineUnlessQuiet() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e4",
                             "--out", dir.appendingPathComponent("m.csv").path])
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("moments: 1 cells, 2e+04 draws"))
    }

    /// Bad input: one line naming the option, status 64 (usage), and no output file.
    @Test(arguments: [
        (["--dims", "4,,8"], "--dims"),
        (["--dims", "0,4"], "--dims"),
        (["--dims", "2.5"], "--dims"),
        (["--dims", "4,4"], "--dims"),
        (["--sigmas", "0"], "--sigmas"),
        (["--sigmas", "-1"], "--sigmas"),
        (["--means", "nan"], "--means"),
        (["--means", "inf"], "--means"),
        (["--sigmas", "1e999"], "--sigmas"),
        (["--samples", "1"], "--samples"),
        (["--samples", "9999"], "--samples"),
        (["--samples", "lots"], "--samples"),
        (["--rng", "nosuch"], "--rng"),
        (["--threads", "0"], "--threads"),
        (["--seed=-1"], "--seed"),
        (["--seed", "-1"], "--seed"),
        (["--seed", "x"], "--seed"),
        (["--block-size", "0"], "--block-size"),
    ])
    func badInputIsRefused(arguments: [String], option: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.csv")
        let base = ["moments", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "10000", "--out", out.path]
        let r = try CLI.run(base + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("qkverify: error: "))
        #expect(r.stderr.contains(option), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "one line: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func unwritableOutputIsRefusedBeforeSampling() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments"] + Self.tiny + ["--samples", "1e9", "--out", dir.path])
        #expect(r.status == 64)  // refused at once, though 10^9 samples would take a while
        #expect(r.stderr.contains("--out") && r.stderr.contains("is a directory"))
    }

    @Test func environmentFollowsGSLConventions() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.csv").path
        let bad = try CLI.run(["moments"] + Self.tiny + ["--out", out], environment: ["GSL_RNG_TYPE": "nosuch"])
        #expect(bad.status == 64 && bad.stderr.contains("GSL_RNG_TYPE"))
        let badSeed = try CLI.run(["moments"] + Self.tiny + ["--out", out], environment: ["GSL_RNG_SEED": "-3"])
        #expect(badSeed.status == 64 && badSeed.stderr.contains("GSL_RNG_SEED"))
        let good = try CLI.run(["moments"] + Self.tiny + ["--out", out], environment: ["GSL_RNG_TYPE": "taus2", "GSL_RNG_SEED": "5"])
        #expect(good.status == 0)
        let row = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n")[1]
        #expect(row.hasPrefix("1,0,1,gaussian,0,0,1,1,0,none,10000,5,taus2,"))
        // The flags win over the environment.
        let flags = try CLI.run(["moments"] + Self.tiny + ["--out", out, "--rng", "mt19937", "--seed", "9"],
                                environment: ["GSL_RNG_TYPE": "taus2", "GSL_RNG_SEED": "5"])
        #expect(flags.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n")[1].hasPrefix("1,0,1,gaussian,0,0,1,1,0,none,10000,9,mt19937,"))
    }

    @Test func negativeMeansAreValues() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.csv").path
        let r = try CLI.run(["moments", "--means", "-0.5,0", "--dims", "1", "--sigmas", "1", "--samples", "10000", "--quiet", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n")[1].hasPrefix("1,-0.5,1,"))
    }

    @Test func helpAndGeneratorsExitZero() throws {
        let help = try CLI.run(["moments", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--samples"))
        let generators = try CLI.run(["generators"])
        #expect(generators.status == 0 && generators.stdout.split(separator: "\n").contains("mt19937"))
    }

    @Test(arguments: [["moments", "--dims", "4611686018427387904"], ["plan", "--dims", "9223372036854775807"],
                      ["check", "--claims", "seed", "--dims", "1099511627777"]])
    func dimensionsPastTheBoundAreUsageErrors(arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--out", "/dev/null"].filter { _ in arguments[0] == "moments" })
        #expect(r.status == 64 && r.stderr.contains("--dims") && r.stderr.contains("2^40"), "\(r.stderr)")
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
        // A digit after a factor is refused with the readings it could have (sympy's ** is accepted).
        let digit = try CLI.run(["check", "--var", "sigma2", "--dims", "1"])
        #expect(digit.status == 64 && digit.stderr.contains("sigma^2 or sigma*2"), "\(digit.stderr)")
    }

    @Test(arguments: ["check", "moments", "merge", "report", "plan", "scaling", "softmax", "distribution", "generators"])
    func everyHelpPageHasExamplesAndLinesThatFit(command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.stdout.contains("Examples:\n  qkverify \(command)"), "\(command)")
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("USAGE") }.allSatisfy { $0.count <= 80 }, "\(command)")
    }
}

/// Two outputs of one command on one file (or an output on an input) are refused before any work,
/// naming the option: they overwrote each other, and a finished checkpoint deleted the table.
@Suite struct DistinctOutputsTests {
    @Test(arguments: [
        (["moments", "--out", "x.csv", "--controls", "./x.csv"], "--controls"),
        (["moments", "--out", "same.csv", "--checkpoint", "same.csv"], "--checkpoint"),
        (["moments", "--shard", "1/2", "--out", "same.part", "--checkpoint", "sub/../same.part"], "--checkpoint"),
        (["distribution", "--dims", "1,2", "--samples", "1000", "--out", "d.csv", "--histogram", "d.csv"], "--histogram"),
        (["merge", "p.part", "--out", "m.csv", "--controls", "m.csv"], "--controls"),
        (["merge", "p.part", "--part", "p.part"], "--part"),
    ])
    func twoOutputsOnOneFileAreRefusedBeforeAnyWork(arguments: [String], option: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let r = try CLI.run(arguments + ["--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e4"].filter { _ in arguments[0] == "moments" }, in: dir)
        #expect(r.status == 64 && r.stderr.contains("\(option): '"), "\(r.status): \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["sub"], "something was written")
    }

    @Test func checkpointEveryPastTenToTheSixIsRefusedNotACrash() throws {
        let r = try CLI.run(["moments", "--dims", "1", "--checkpoint-every", "1e17", "--out", "/dev/null"])
        #expect(r.status == 64 && r.stderr.contains("--checkpoint-every: '1e17' is not allowed"), "\(r.stderr)")
    }
}

/// JSON from every command that writes a table: with `--out - --format json`, one JSON document on
/// standard output (it was CSV then JSON), numbers as numbers, the CSV's column names as keys.
@Suite struct JSONOutputTests {
    @Test(arguments: [
        ["moments", "--dims", "1,4", "--means", "0", "--sigmas", "1", "--samples", "2e4"],
        ["scaling", "--dims", "1,4,16", "--means", "0", "--sigmas", "1", "--samples", "2e4"],
        ["softmax", "--dims", "1,4", "--keys", "16", "--queries", "500"],
        ["distribution", "--dims", "1,4", "--samples", "2e4", "--histogram", "/dev/null"],
    ])
    func tablesAreOneJSONDocumentOnStandardOutput(arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--out", "-", "--format", "json", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let numeric = arguments[0] == "scaling" ? "slope" : "d"
        #expect(rows?.isEmpty == false && rows?.first?[numeric] is NSNumber, "\(r.stdout.prefix(200))")
        if arguments[0] == "moments" { #expect(rows?.first?["seed"] is NSNumber && rows?.first?["var_est"] is NSNumber) }
    }

    @Test func mergeAndCheckWriteJSONWithNumbersAsNumbers() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--dims", "1,2", "--means", "0", "--sigmas", "1", "--samples", "2e4", "--quiet"]
        let part = dir.appendingPathComponent("p.part").path
        #expect(try CLI.run(["moments"] + grid + ["--shard", "1/1", "--out", part]).status == 0)
        let merge = try CLI.run(["merge", part, "--out", "-", "--format", "json", "--quiet"])
        #expect((try JSONSerialization.jsonObject(with: Data(merge.stdout.utf8)) as? [[String: Any]])?.count == 2, "\(merge.stderr)")
        let check = try CLI.run(["check", "--var", "d", "--format", "json"] + grid)
        let document = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect(document?["seed"] is NSNumber, "\(check.stdout.prefix(300))")
    }
}
