import Foundation
import Testing
@testable import QKGSL
@testable import QKModel
@testable import QKClaims
@testable import QKExperiments
@testable import QKVerdicts
@testable import QKSuite

/// `check --sequential`: stops as soon as the answer is known, with the error rates it states.
@Suite struct SequentialCheckTests {
    static func design(dims: [Int], samples: Int, seed: UInt64) throws -> MomentsDesign {
        try MomentsDesign(grid: Grid(dims: dims, means: [0], sigmas: [1]), samples: samples, seed: seed,
                          generator: GeneratorType(name: "mt19937"), blockSamples: SequentialCheck.blockSamples)
    }

    @Test func looksDoubleFromTenThousandAndSpendAlphaByHalves() throws {
        let check = try SequentialCheck(claims: [], design: Self.design(dims: [1], samples: 100_000, seed: 1), alpha: 0.01, tolerance: nil, failFast: false)
        #expect(check.looks == [10_000, 20_000, 40_000, 80_000, 100_000])
        let spent = (0..<5).map { SequentialCheck.alpha(look: $0, of: 5, total: 0.01) }
        #expect(spent == [0.005, 0.0025, 0.00125, 0.000625, 0.000625])
    }

    @Test func aGrossErrorIsRejectedAtTheFirstLookAndATrueClaimRunsToTheMaximum() throws {
        let r = try CLI.run(["check", "--var", "d^2", "--dims", "4,16", "--means", "0", "--sigmas", "1",
                             "--sequential", "--max-samples", "160000", "--quiet", "--format", "csv"])
        #expect(r.status == 1, "\(r.stdout)")
        let rows = r.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // Var = d^2 is rejected at 10^4 in both cells, which stop there.
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.last == "10000" }, "\(r.stdout)")
        // A cell stops only when every claim in it is decided: with a true E = 0 beside it (which
        // without --tolerance only a rejection could decide), the cells run to the maximum, and the
        // rejection made at the first look stands.
        let both = try CLI.run(["check", "--var", "d^2", "--mean", "0", "--dims", "4,16", "--means", "0", "--sigmas", "1",
                                "--sequential", "--max-samples", "160000", "--quiet", "--format", "csv"])
        let lines = both.stdout.split(separator: "\r\n").dropFirst()
        #expect(both.status == 1 && lines.count == 4, "\(both.stdout)")
        #expect(lines.filter { $0.hasPrefix("E[T]") }.allSatisfy { $0.hasSuffix(",pass,160000") }, "\(both.stdout)")
        #expect(lines.filter { $0.hasPrefix("Var(T)") }.allSatisfy { $0.hasSuffix(",fail,10000") }, "\(both.stdout)")
        let text = try CLI.run(["check", "--var", "d^2", "--dims", "4,16", "--means", "0", "--sigmas", "1", "--sequential", "--quiet"])
        #expect(text.stdout.contains("REJECTED     Var(T) = d^2: fails in 2 of 2 cells") && text.stdout.contains("rejected at n = 10000"))
        let truth = try CLI.run(["check", "--var", "d", "--dims", "4", "--means", "0", "--sigmas", "1", "--sequential",
                                 "--max-samples", "80000", "--quiet", "--format", "csv"])
        #expect(truth.status == 0 && truth.stdout.hasSuffix(",pass,80000\r\n"), "\(truth.stdout)")
    }

    @Test func aToleranceStopsATrueClaimOnceConfirmed() throws {
        let r = try CLI.run(["check", "--var", "d", "--dims", "4", "--means", "0", "--sigmas", "1", "--sequential",
                             "--max-samples", "1e7", "--tolerance", "0.05", "--quiet"])
        #expect(r.status == 0 && r.stdout.contains("CONFIRMED    Var(T) = d: within 5%"), "\(r.stdout)")
        #expect(r.stdout.contains("confirmed by n = ") && !r.stdout.contains("10000000 samples (at most"))
    }

    @Test func theOutputIsTheSameBytesForAnyThreadCount() throws {
        let args = ["check", "--var", "1.02*d", "--mean", "0", "--dims", "1,4,16", "--means", "0", "--sigmas", "1",
                    "--sequential", "--max-samples", "640000", "--tolerance", "0.05", "--format", "csv", "--quiet"]
        let one = try CLI.run(args + ["--threads", "1"]), three = try CLI.run(args + ["--threads", "3"])
        #expect(one.stdout == three.stdout && !one.stdout.isEmpty)
    }

    @Test func failFastStopsTheWholeRunAtTheFirstRejection() throws {
        let args = ["check", "--var", "d^2", "--dims", "1,16", "--means", "0", "--sigmas", "1", "--sequential", "--max-samples", "640000",
                    "--format", "csv", "--quiet"]
        let fast = try CLI.run(args + ["--fail-fast"])
        #expect(fast.status == 1)
        // d = 1 (where d^2 = d is true) stops with d = 16 at the first look instead of running to 640000.
        #expect(fast.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",10000") }, "\(fast.stdout)")
        let slow = try CLI.run(args)
        #expect(slow.stdout.contains(",640000"))
    }

    @Test(arguments: [(["--sequential", "--samples", "1e5"], "--samples"), (["--max-samples", "1e5"], "--max-samples"),
                      (["--fail-fast"], "--fail-fast"), (["--sequential", "--block-size", "100"], "--block-size"),
                      (["--tolerance", "0"], "--tolerance"), (["--tolerance", "2"], "--tolerance")])
    func badSequentialOptionsAreUsageErrors(arguments: [String], option: String) throws {
        let r = try CLI.run(["check", "--var", "d", "--dims", "1"] + arguments)
        #expect(r.status == 64 && r.stderr.contains(option), "\(r.stderr)")
    }

    /// Over many seeds at alpha = 0.05 (so rates are measurable): true claims rejected at a rate <= alpha,
    /// a claim 2 delta off confirmed within delta at a rate <= alpha, and a 5% error rejected with power
    /// >= 0.9 by the planned maximum. Bounds: the observed count may exceed R alpha by 3 binomial sd.
    @Test func errorRatesHoldOverManySeeds() throws {
        let runs = 200, alpha = 0.05, delta = 0.02
        func claim(_ text: String) throws -> Claim { try Claim(.variance, text) }
        var falseRejections = 0, falseConfirmations = 0, detections = 0
        for seed in 1...runs {
            let design = try Self.design(dims: [1], samples: 320_000, seed: UInt64(seed))
            func outcome(_ text: String) throws -> ClaimVerdict {
                let check = try SequentialCheck(claims: [claim(text)], design: design, alpha: alpha, tolerance: delta, failFast: false)
                return check.run(threads: 2)!.check.verdicts[0]
            }
            if try outcome("d") == .rejected { falseRejections += 1 }
            if try outcome("\(1 + 2 * delta)*d") == .confirmed { falseConfirmations += 1 }
            if try outcome("1.05*d") == .rejected { detections += 1 }
        }
        let bound = Double(runs) * alpha + 3 * (Double(runs) * alpha * (1 - alpha)).squareRoot()
        #expect(Double(falseRejections) <= bound, "\(falseRejections) of \(runs) true claims rejected")
        #expect(Double(falseConfirmations) <= bound, "\(falseConfirmations) of \(runs) claims 2 delta off confirmed")
        #expect(Double(detections) >= 0.9 * Double(runs) - 3 * (Double(runs) * 0.09).squareRoot(), "\(detections) of \(runs) 5% errors rejected")
        print("sequential calibration: \(falseRejections)/\(runs) false rejections, \(falseConfirmations)/\(runs) false confirmations, \(detections)/\(runs) detections")
    }
}
