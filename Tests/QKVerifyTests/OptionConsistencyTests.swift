import Foundation
import Testing
@testable import QKEngine
@testable import QKGSL
@testable import QKSupport
@testable import QKVerdicts
@testable import QKSampling
@testable import QKModel

/// Issue #23's option consistency, through the real executable: every refusal is one line naming the
/// option the user typed and what is allowed, exit 64, and no output file.
@Suite(.serialized) struct OptionConsistencyTests {
    /// Refused, each naming its own option: a duplicate in every list option (only --keys and
    /// --histogram-dims once let one through, running a cell twice), an empty --out-dir (as an
    /// empty --out is), --max-samples too large for --sequential (once named --samples), --out
    /// beside merge --part (once ignored), and t:NU too near 2 (once accepted and unboundedly slow).
    @Test(arguments: [
        (["softmax", "--keys", "16,16", "--dims", "4", "--out", "o"], "--keys: '16' appears twice"),
        (["check", "--entropy", "1", "--keys", "16,16", "--dims", "4"], "--keys: '16' appears twice"),
        (["check", "--entropy", "1", "--temperatures", "sqrt_d,sqrt_d", "--dims", "4"], "--temperatures: 'sqrt_d' appears twice"),
        (["distribution", "--dims", "1,4", "--histogram-dims", "1,1", "--out", "o", "--histogram", "h"], "--histogram-dims: '1' appears twice"),
        (["report", "--keys", "16,16", "--out-dir", "r"], "--keys: '16' appears twice"),
        (["report", "--collapse-keys", "16,16", "--out-dir", "r"], "--collapse-keys: '16' appears twice"),
        (["report", "--out-dir", ""], "--out-dir: the path is empty"),
        (["check", "--var", "d", "--sequential", "--max-samples", "1e15", "--dims", "1", "--means", "0", "--sigmas", "1"], "--max-samples: "),
        (["merge", "p.part", "--part", "q.part", "--out", "o"], "--out: not with --part"),
        (["moments", "--law", "t:2.0000001", "--out", "o"], "--law: 't:2.0000001': NU must be at least 2.1"),
        (["moments", "--seed", "0x1G", "--out", "o"], "--seed: '0x1G' is not allowed"),
    ])
    func inconsistentOptionsAreRefusedNamingTheOption(arguments: [String], message: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(arguments + ["--quiet"], in: dir)
        #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix("qkverify: error: " + message) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("allowed"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// --seed reads hexadecimal and exponent notation as --threads and --block-size do: 0x2A and
    /// 4.2e1 are seed 42, byte for byte; a fraction, a negative or an exponent past 2^53 is refused.
    @Test func aHexadecimalOrExponentSeedIsTheSameSeed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (seed, out) in [("0x2A", "hex.csv"), ("42", "dec.csv"), ("4.2e1", "exp.csv")] {
            let r = try CLI.run(["moments"] + CLI.tinyGrid + ["--seed", seed, "--threads", "1e0", "--block-size", "0x1000", "--out", out], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let decimal = try Data(contentsOf: dir.appendingPathComponent("dec.csv"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("hex.csv")) == decimal)
        #expect(try Data(contentsOf: dir.appendingPathComponent("exp.csv")) == decimal)
        #expect(try GeneratorDefaults.seed(parsing: "1e6", setting: .seed) == 1_000_000)
        #expect(try GeneratorDefaults.seed(parsing: "9007199254740992", setting: .seed) == 1 << 53)
        #expect(try GeneratorDefaults.seed(parsing: "18446744073709551615", setting: .seed) == UInt64.max)
        for bad in ["1.5", "-1", "1e17", "1e300", "inf", "nan", "0x", "12a"] {
            #expect(throws: QKVerifyError.self, "\(bad)") { try GeneratorDefaults.seed(parsing: bad, setting: .seed) }
        }
    }

    /// A test not made for a reason other than samples (its estimate undefined, here) says more
    /// samples would not help, never "the normal approximation needs n >= 1" at n = 10^4.
    @Test func anUntestedTestWhoseRuleHoldsDoesNotAskForSamples() throws {
        let check = try ClaimCheckTests.check([(.moment(.variance), "d")],
            try ClaimCheckTests.run(try .init(dims: [4], means: [0], sigmas: [1]), samples: 10_000))
        let made = try #require(check.tests.first)
        let unmade = ClaimComparison(claim: made.claim, cell: made.cell, attention: made.attention, statistic: made.statistic,
                                     isScaled: made.isScaled, claimed: made.claimed, estimate: .nan, standardError: made.standardError,
                                     isTested: false, samplesNeeded: 1, samples: 10_000, toleranceScale: made.toleranceScale)
        #expect(unmade.moreSamplesNeeded == nil)
        let again = ClaimCheck(claims: check.claims, tests: [unmade], alpha: 0.001, tolerance: nil)
        #expect(again.untested(check.claims[0]).samplesNeeded == nil)
        // One that lacks samples still says how many it needs.
        let short = ClaimComparison(claim: made.claim, cell: made.cell, attention: made.attention, statistic: made.statistic,
                                    isScaled: made.isScaled, claimed: made.claimed, estimate: made.estimate, standardError: made.standardError,
                                    isTested: false, samplesNeeded: 149_048, samples: 10_000, toleranceScale: made.toleranceScale)
        #expect(ClaimCheck(claims: check.claims, tests: [short], alpha: 0.001, tolerance: nil).untested(check.claims[0]).samplesNeeded == 149_048)
    }

    /// More worker threads than cores are never started: `--threads 1024 --block-size 1` ran 14
    /// times slower than one thread, fighting over the cores and the tree's lock.
    @Test func workersAreCappedAtTheCoresAndTheBlocks() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(BlockRunner<DotProductWork>.workers(1024, blocks: 1_000_000) == cores)
        #expect(BlockRunner<DotProductWork>.workers(1024, blocks: 1) == 1)
        #expect(BlockRunner<DotProductWork>.workers(1, blocks: 1_000_000) == 1)
    }
}
