import Foundation
import Testing
@testable import QKModel
@testable import QKSampling
@testable import QKClaims
@testable import QKExperiments
@testable import QKVerdicts

/// Claims about attention in `qkverify check`: the weights' entropy, participation, largest weight and
/// Jacobian in the variables d, N, tau (and mu, sigma), judged on a softmax run.
@Suite struct AttentionClaimTests {
    static let quiet = ["--quiet", "--seed", "3"]

    /// 1/N is the participation of uniform weights; at tau = 1, d = 16 the weights are far from
    /// uniform (E[sum a^2] about 0.44 with 64 keys), so the claim is rejected.
    @Test func uniformParticipationIsRejectedUnscaledAtD16() throws {
        let r = try CLI.run(["check", "--participation", "1/N", "--dims", "16", "--keys", "64", "--temperatures", "none",
                             "--queries", "4000"] + Self.quiet)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("REJECTED     E[sum a^2] = 1/N: fails in 1 of 1 cell"))
        #expect(r.stdout.contains(" keys ") && r.stdout.contains(" tau "))
    }

    /// The Random Energy Model's entropy log N - s^2/2 (s^2 = d / tau^2 on average) as a limit within
    /// 5%: wrong at N = 64, d = 4 unscaled (exact about 2.80 nats against 2.16: s = 2 is near the
    /// condensation point sqrt(2 log N) = 2.9), right within 5% with tau = sqrt(d) (s = 1: about 3.70
    /// against 3.66).
    @Test func remEntropyLimitIsRejectedWhereWrongAndConfirmedWithin5PercentWhereItHolds() throws {
        let claim = ["check", "--entropy", "log(N) - d/(2*tau^2)", "--limit", "--tolerance", "0.05", "--dims", "4", "--keys", "64"]
        let wrong = try CLI.run(claim + ["--temperatures", "none", "--queries", "4000"] + Self.quiet)
        #expect(wrong.status == 1, "\(wrong.stderr)")
        #expect(wrong.stdout.contains("REJECTED     E[H(a)] ~ log(N) - d/(2*tau^2): off by more than 5% in 1 of 1 cell"))
        let right = try CLI.run(claim + ["--temperatures", "sqrt_d", "--queries", "20000"] + Self.quiet)
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.contains("CONFIRMED    E[H(a)] ~ log(N) - d/(2*tau^2): within 5% in the 1 cell"))
    }

    /// Stated as exact (no --limit), the same formula is rejected where the limit was confirmed: at
    /// N = 64 it is about 1% off, which 2 x 10^4 queries resolve (z about 16).
    @Test func remEntropyAsAnExactClaimIsRejectedWhereOnlyTheLimitHolds() throws {
        let r = try CLI.run(["check", "--entropy", "log(N) - d/(2*tau^2)", "--tolerance", "0.05", "--dims", "4", "--keys", "64",
                             "--temperatures", "sqrt_d", "--queries", "20000"] + Self.quiet)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("REJECTED     E[H(a)] = log(N) - d/(2*tau^2): fails in 1 of 1 cell"))
    }

    @Test func attentionVariablesHaveEveryNotation() throws {
        for text in ["log(N) - d/(2*tau^2)", "\\log N - \\frac{d}{2\\tau^2}", "log(N) - d/(2 τ²)"] {
            let formula = try Formula(parsing: text)
            let cell = SoftmaxCell(d: 4, mu: 0, sigma: 1, keys: 64)
            #expect(abs(formula.evaluate(cell, tau: 2) - (log(64.0) - 0.5)) < 1e-12, "\(text)")
        }
    }

    @Test func attentionVariablesInAClaimAboutTAreBadInput() throws {
        let r = try CLI.run(["check", "--var", "d*N", "--dims", "4", "--means", "0", "--sigmas", "1", "--samples", "10000"] + Self.quiet)
        #expect(r.status == 64)
        #expect(r.stderr == "qkverify: error: --var: Var(T) = d*N: 'N' is defined only in claims about attention (--entropy, --participation, --max-weight, --jacobian, --output-variance)\n")
    }

    @Test func limitWithoutToleranceAndSequentialAttentionAreBadInput() throws {
        let limit = try CLI.run(["check", "--entropy", "log(N)", "--limit"] + Self.quiet)
        #expect(limit.status == 64 && limit.stderr.hasPrefix("qkverify: error: --limit: needs --tolerance"))
        let sequential = try CLI.run(["check", "--entropy", "log(N)", "--sequential"] + Self.quiet)
        #expect(sequential.status == 64 && sequential.stderr.hasPrefix("qkverify: error: --sequential: only for claims about T"))
        let temperature = try CLI.run(["check", "--entropy", "log(N)", "--temperatures", "none,hot"] + Self.quiet)
        #expect(temperature.status == 64 && temperature.stderr.contains("--temperatures") && temperature.stderr.contains("'hot' is not allowed"))
        let undefined = try CLI.run(["check", "--entropy", "log(N - 64)", "--keys", "64", "--dims", "4", "--queries", "100"] + Self.quiet)
        #expect(undefined.status == 64 && undefined.stderr.contains("is infinite at d = 4, N = 64, tau = 1"), "\(undefined.stderr)")
    }

    @Test func jsonReportsKeysAndTauOfEachAttentionTest() throws {
        let r = try CLI.run(["check", "--max-weight", "1/N", "--dims", "4", "--keys", "16", "--queries", "1000", "--format", "json"] + Self.quiet)
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"keys\": 16,") && r.stdout.contains("\"tau\": 2,") && r.stdout.contains("\"queries\": 1000,"))
    }

    /// The report's collapse keys are refused under their own option, before any file is written.
    @Test func badCollapseKeysNameTheirOptionAndWriteNothing() throws {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("report")
        let r = try CLI.run(["report", "--collapse-keys", "1", "--out-dir", dir.path, "--quiet"])
        #expect(r.status == 64)
        #expect(r.stderr == "qkverify: error: --collapse-keys: allowed: whole numbers of keys from 2 to 10^6\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
