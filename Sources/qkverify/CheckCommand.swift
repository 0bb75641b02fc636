import ArgumentParser
import Foundation
import QKSupport
import QKModel
import QKEngine
import QKClaims
import QKExperiments
import QKVerdicts
import QKSuite
import QKReporting

/// `qkverify check`: test the user's own closed forms on a grid; exit 0 if all hold, 1 if any is rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check claimed closed forms for q^T k: each claim is rejected, confirmed, undecided, not rejected or untested.",
        discussion: """
        A formula uses numbers, + - * / ^, parentheses, unary minus, sqrt exp log abs, and the variables \
        d, mu, sigma (where q and k share them), mu_q, mu_k, sigma_q, sigma_k, rho, kurt_q, kurt_k (the \
        law's excess kurtosis) and pi; e.g. --var 'd*(sigma^4 + 2*mu^2*sigma^2)' or --scale 'sqrt(d)'. \
        Claims are compared with the estimates and their estimated standard errors, so they are checked \
        also where qkverify has no closed form (--norm unit or layer at nonzero means). \
        Each claim ends REJECTED; CONFIRMED within --tolerance (the 1 - 2 alpha interval of every relative \
        error inside it); UNDECIDED (with --tolerance, neither); NOT REJECTED (without --tolerance: no test \
        rejected it, which is weak evidence); or UNTESTED (no test could be made on this grid). \
        The default grid (means -0.7, 0, 0.3, 1.3; sigmas 0.6, 1, 1.7) tells mu from mu^2, mu^2 from \
        mu*abs(mu) and sigma^2 from sigma^4. \
        Exit status: 0 every claim confirmed (with --tolerance) or not rejected (without); 1 a claim is \
        rejected; 5 a claim is untested or undecided (and none rejected); 64 bad input, including a claim \
        undefined in a cell of the grid.

        Examples:
          qkverify check --var 'd*(sigma^4 + 2*mu^2*sigma^2)' --dims 1,16,64
          qkverify check --claims textbook --dims 1,2,4,...,512 --samples 1e5
          qkverify check --var 'd' --means 0 --sigmas 1 --sequential --tolerance 0.01
        """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Claimed E[q^T k].", valueName: "formula"))
    var mean: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Claimed Var(q^T k).", valueName: "formula"))
    var `var`: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Claimed scale s with Var(q^T k / s) = 1 (and E = 0 where mu = 0).", valueName: "formula"))
    var scale: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Claimed skewness of q^T k.", valueName: "formula"))
    var skewness: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Claimed excess kurtosis of q^T k.", valueName: "formula"))
    var kurtosis: String?
    @Option(help: ArgumentHelp("A named set of claims: 'textbook' (also 'seed': the textbook derivation for iid N(mu, sigma^2) coordinates, E = d mu^2; Var = d and s = sqrt(d) at mu = 0, sigma = 1), or 'paper' (Vaswani et al. 2017, footnote 4: E = 0 and Var = d at mean 0, variance 1, any law; its default grid is every law at --means 0 --sigmas 1).", valueName: "set"))
    var claims: ClaimSet?

    /// `--claims`: the built-in sets of claims.
    enum ClaimSet: String, ExpressibleByArgument, CaseIterable {
        case textbook, seed, paper

        /// The set's claims.
        var claims: [Claim] { self == .paper ? Claim.paper() : Claim.seed() }
    }

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @OptionGroup var alpha: AlphaOption
    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: CheckReport.Format = .text
    @Option(parsing: .unconditional, help: ArgumentHelp("Confirm a claim when every relative error is within this, e.g. 0.01 for 1% (two one-sided tests).", valueName: "delta"),
            transform: ArgumentText.tolerance)
    var tolerance: Double?
    @Flag(help: "Look at 10^4, 2 x 10^4, 4 x 10^4, ... samples and stop each cell once its claims are decided (instead of --samples).")
    var sequential = false
    @Option(name: .customLong("max-samples"), parsing: .unconditional, help: ArgumentHelp("With --sequential: the most samples per cell (default 1280000).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, MomentsDesign.allowedSamples) })
    var maxSamples: Int?
    @Flag(name: .customLong("fail-fast"), help: "With --sequential: stop the whole run at the first look that rejects a claim.")
    var failFast = false

    func run() throws {
        let list = try claimList()
        let alpha = try self.alpha.value()
        let delta = tolerance
        let design = try checkedDesign()
        let threads = try options.threadCount()
        // A claim whose domain misses the grid, or that is undefined in a cell, is bad input: find out
        // before sampling.
        for claim in list { try claim.requireDefined(in: design.grid.cells) }
        let check: ClaimCheck
        var looks: [Int]?
        if sequential {
            let sequentialCheck = try SequentialCheck(claims: list, design: design, alpha: alpha, tolerance: delta, failFast: failFast)
            Interruption.install()
            let outcome = sequentialCheck.run(threads: threads, progress: options.meter("check"), shouldStop: Interruption.requested)
            guard let outcome else {
                options.say("qkverify: interrupted; no verdict")
                throw ExitCode(Interruption.exitStatus)
            }
            (check, looks) = (outcome.check, outcome.looksMade)
        } else {
            let comparisons = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("check"))
                .map(MomentComparison.init)
            check = try ClaimCheck(claims: list, comparisons: comparisons, alpha: alpha, tolerance: delta)
        }
        try StandardStreams.output(CheckReport(check: check, design: design, looks: looks).render(format))
        if check.exitStatus != 0 { throw ExitCode(check.exitStatus) }
    }

    /// The claims of `--claims` and of the formula options, in that order.
    private func claimList() throws -> [Claim] {
        var list: [Claim] = []
        list += claims?.claims ?? []
        for (quantity, text) in [(Claim.Quantity.mean, mean), (.variance, `var`), (.scale, scale),
                                 (.skewness, skewness), (.kurtosis, kurtosis)] {
            if let text { list.append(try Claim(quantity, text)) }
        }
        guard !list.isEmpty else {
            throw QKVerifyError.invalidOption("check", "no claim given; allowed: one or more of --mean, --var, --scale, --skewness, --kurtosis, or --claims seed|paper")
        }
        return list
    }

    /// The design: the check's own default grid (or the paper's), and with --sequential its largest
    /// sample size in blocks of one look.
    private func checkedDesign() throws -> MomentsDesign {
        if !sequential {
            if maxSamples != nil { throw QKVerifyError.invalidOption("--max-samples", "only with --sequential; allowed: --samples N for a fixed sample size") }
            if failFast { throw QKVerifyError.invalidOption("--fail-fast", "only with --sequential") }
        } else {
            if grid.samples != nil { throw QKVerifyError.invalidOption("--samples", "not with --sequential; allowed: --max-samples N") }
            if grid.stream.blockSize != nil { throw QKVerifyError.invalidOption("--block-size", "not with --sequential; allowed: leave it out (looks are whole blocks of 10^4 samples)") }
        }
        let most = maxSamples ?? 1_280_000
        let samplesOverride = sequential ? most : nil
        let blockOverride = sequential ? SequentialCheck.blockSamples : nil
        if claims == .paper {
            return try grid.design(defaultMeans: [0], defaultSigmas: [1], defaultLaws: CoordinateLaw.representatives,
                                   samplesOverride: samplesOverride, blockOverride: blockOverride)
        }
        return try grid.design(defaultMeans: [-0.7, 0, 0.3, 1.3], defaultSigmas: [0.6, 1, 1.7],
                               samplesOverride: samplesOverride, blockOverride: blockOverride)
    }
}

/// `--format text|csv|markdown|json`: the values appear in `--help`.
extension CheckReport.Format: ExpressibleByArgument {}
