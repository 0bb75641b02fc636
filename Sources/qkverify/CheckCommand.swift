import ArgumentParser
import Foundation
import QKSupport
import QKModel
import QKEngine
import QKSampling
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
        also where qkverify has no closed form (--norm unit with both means nonzero, or layer). \
        Claims about attention (--entropy in nats, --participation, --max-weight, --jacobian, --output-variance) \
        use N, tau and sigma_v too and are tested on a softmax run (--keys, --temperatures, --queries, --value-sigma; \
        by default mu = 0, sigma = 1, d = 4, 16, 64); --limit judges every claim within --tolerance, as a limit \
        or approximation. --claims attention checks the exact theory of the weights and the seed's 'very peaked \
        softmax as d grows' (E[max a] increasing in d at tau = 1, flat at tau = sqrt(d)). \
        Each claim ends REJECTED; CONFIRMED within --tolerance (the 1 - 2 alpha interval of every relative \
        error inside it); UNDECIDED (with --tolerance, neither); NOT REJECTED (without --tolerance: no test \
        rejected it, which is weak evidence); or UNTESTED (no test could be made on this grid). \
        The default grid (means -0.7, 0, 0.3, 1.3; sigmas 0.6, 1, 1.7) tells mu from mu^2, mu^2 from \
        mu*abs(mu) and sigma^2 from sigma^4. \
        A claim meant only somewhere carries its domain: --where 'mu = 0' for every claim, or per claim \
        --var '1/d where mu = 0'; a domain is comparisons (= != < <= > >=, or ≠ ≤ ≥; = within a relative \
        1e-9) of formulas in the grid's variables, joined with 'and'. Cells outside are not tested and not \
        counted against the claim; the verdict line says how many were in its domain and how many outside. \
        A domain no cell of the grid is in is bad input (exit 64). --claims-file F checks a whole \
        derivation: one claim a line, '[name:] quantity = formula [where domain]' ('#' comments). \
        After a REJECTED line, a diagnosis: what the failing cells share, how the ratio estimate/claimed \
        behaves, and a formula fitted to the estimates, shown only if a second run on fresh samples (another \
        stream) did not reject it (--no-diagnosis skips that run); --show-theory prints qkverify's own closed \
        form. --format csv gives every row its claim's verdict (claim_verdict, beside claim); json is one document. \
        Exit status: 0 every claim confirmed (with --tolerance) or not rejected (without), every test \
        asked for in its domain made; 1 a claim is rejected; 5 a claim is untested or undecided, or a test \
        in a claim's domain could not be made (and none rejected); 64 bad input, including a claim \
        undefined in a cell of its domain.

        Examples:
          qkverify check --var 'd*(sigma^4 + 2*mu^2*sigma^2)' --dims 1,16,64
          qkverify check --var '1/d where mu = 0' --norm unit
          qkverify check --claims-file derivation.claims --where 'd >= 4'
          qkverify check --claims textbook --dims 1,2,4,...,512 --samples 1e5
          qkverify check --var 'd' --means 0 --sigmas 1 --sequential --tolerance 0.01
          qkverify check --participation '1/N' --dims 4,16,64 --keys 64
          qkverify check --claims attention
          qkverify check --entropy 'log(N) - d/(2*tau^2)' --limit --tolerance 0.05 --temperatures sqrt_d
        """)

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed E[q^T k]. Repeat it to check several.", valueName: "formula"))
    var mean: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed Var(q^T k). Repeat it to check several.", valueName: "formula"))
    var `var`: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed scale s with Var(q^T k / s) = 1 (and E = 0 where mu = 0). Repeat it to check several.", valueName: "formula"))
    var scale: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed skewness of q^T k. Repeat it to check several.", valueName: "formula"))
    var skewness: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed excess kurtosis of q^T k. Repeat it to check several.", valueName: "formula"))
    var kurtosis: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed E[H(a)]: the expected entropy, in nats, of one query's weights a = softmax(q^T k_j / tau) over N keys. Repeat it to check several.", valueName: "formula"))
    var entropy: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed E[sum_j a_j^2], the participation (1/N uniform, 1 one-hot; sigma_v^2 times it is the attention output's variance). Repeat it to check several.", valueName: "formula"))
    var participation: [String] = []
    @Option(name: .customLong("max-weight"), parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed E[max_j a_j], the expected largest weight. Repeat it to check several.", valueName: "formula"))
    var maxWeight: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed E||J||_F^2, the squared Frobenius norm of the softmax Jacobian diag(a) - a a^T. Repeat it to check several.", valueName: "formula"))
    var jacobian: [String] = []
    @Option(name: .customLong("output-variance"), parsing: .unconditionalSingleValue, help: ArgumentHelp("Claimed Var(o), the variance of the attention output o = sum_j a_j v_j for values v_j ~ N(0, sigma_v^2) (--value-sigma; the formula may use sigma_v). Repeat it to check several.", valueName: "formula"))
    var outputVariance: [String] = []
    @Option(name: .customLong("value-sigma"), parsing: .unconditional, help: ArgumentHelp("For claims about attention: the values' standard deviation sigma_v (default: 1).", valueName: "sigma"),
            transform: ArgumentText.valueSigma)
    var valueSigma: Double = 1
    @Option(parsing: .unconditional, help: ArgumentHelp("For claims about attention: numbers of keys N, 2 to 10^6 (default: 64).", valueName: "list"),
            transform: ArgumentText.positiveIntegers)
    var keys: [Int] = [64]
    @Option(parsing: .unconditional, help: ArgumentHelp("For claims about attention: the temperatures tau, a list of none (tau = 1), sqrt_d, within_query, total, d (default: none,sqrt_d).", valueName: "list"),
            transform: ArgumentText.temperatures)
    var temperatures: [SoftmaxScale] = [.none, .sqrtD]
    @Option(parsing: .unconditional, help: ArgumentHelp("For claims about attention: queries per cell, 100 to 10^9 (default: 20000).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, SoftmaxExperiment.allowedQueries) })
    var queries = 20_000
    @Option(name: .customLong("where"), parsing: .unconditional,
            help: ArgumentHelp("The domain of every claim: comparisons (= != < <= > >=, or ≠ ≤ ≥) of formulas in the grid's variables joined with 'and', e.g. 'mu = 0 and d >= 4'. Cells outside are not tested and not counted against a claim. A claim may add its own: --var '1/d where mu = 0'.", valueName: "domain"))
    var domain: String?
    @Option(name: .customLong("claims-file"), help: ArgumentHelp("A file of claims, one a line: '[name:] quantity = formula [where domain]', quantity one of mean, var, scale, skewness, kurtosis, entropy, participation, max-weight, jacobian; '#' starts a comment.", valueName: "path"))
    var claimsFile: String?
    @Option(help: ArgumentHelp("Where the report goes: a file, written whole in --format, or - for standard output (the default).", valueName: "path"))
    var out = "-"
    @Option(help: ArgumentHelp("A named set of claims: 'textbook' (also 'seed': the textbook derivation for iid N(mu, sigma^2) coordinates, E = d mu^2; Var = d and s = sqrt(d) at mu = 0, sigma = 1), or 'paper' (Vaswani et al. 2017, footnote 4: E = 0 and Var = d at mean 0, variance 1, any law; its default grid is every law at --means 0 --sigmas 1), or 'attention' (the exact finite-N theory of the weights, and the seed's 'very peaked softmax as d grows': E[max a] increasing in d at tau = 1, flat within --tolerance (default 5%) at tau = sqrt(d); on the softmax grid).", valueName: "set"))
    var claims: ClaimSet?

    /// `--claims`: the built-in sets of claims.
    enum ClaimSet: String, ExpressibleByArgument, CaseIterable {
        case textbook, seed, paper, attention

        /// The set's claims as formulas (`attention`'s are statements and the exact theory, judged
        /// by ``AttentionClaimsCheck`` instead).
        var claims: [Claim] {
            switch self {
            case .paper: return Claim.paper()
            case .textbook, .seed: return Claim.seed()
            case .attention: return []
            }
        }
    }

    @Flag(name: .customLong("no-diagnosis"), help: "After a rejection, do not diagnose it (by default each rejected claim gets what its failures share, how it is off and a formula that fits, confirmed on fresh samples: one more run of the same size).")
    var noDiagnosis = false
    @Flag(name: .customLong("show-theory"), help: "After each claim, print qkverify's own closed form of its quantity on this grid, where it has one.")
    var showTheory = false

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @OptionGroup var alpha: AlphaOption
    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: CheckReport.Format = .text
    @Option(parsing: .unconditional, help: ArgumentHelp("Confirm a claim when every relative error is within this, e.g. 0.01 for 1% (two one-sided tests).", valueName: "delta"),
            transform: ArgumentText.tolerance)
    var tolerance: Double?
    @Flag(help: "The formulas are limits or approximations meant to hold within --tolerance: a claim is REJECTED only where its relative error exceeds the tolerance significantly, CONFIRMED where every error is inside it, else UNDECIDED (e.g. a large-N limit of the entropy).")
    var limit = false
    @Flag(help: "Look at 10^4, 2 x 10^4, 4 x 10^4, ... samples and stop each cell once its claims are decided (instead of --samples).")
    var sequential = false
    @Option(name: .customLong("max-samples"), parsing: .unconditional, help: ArgumentHelp("With --sequential: the most samples per cell (default 1280000).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, MomentsDesign.allowedSamples) })
    var maxSamples: Int?
    @Flag(name: .customLong("fail-fast"), help: "With --sequential: stop the whole run at the first look that rejects a claim.")
    var failFast = false

    func run() throws {
        if limit && tolerance == nil {
            throw QKVerifyError.invalidOption("--limit", "needs --tolerance delta, the relative error the limit is meant within; allowed: --limit --tolerance 0.05")
        }
        // The claims file is read, never written: --out must not name it.
        try DistinctOutputs.check([("--out", out)], inputs: claimsFile.map { [$0] } ?? [])
        let list = try claimList()
        if format == .csv && claims == .attention && !list.isEmpty {
            throw QKVerifyError.invalidOption("--format", "csv is one table, and claims with --claims attention make two (the tests and the statements' steps); allowed: --format json, or the claims and --claims attention in two runs")
        }
        let output = try OutputFile(path: out, option: "--out")
        let alpha = try self.alpha.value()
        let delta = tolerance
        let design = try checkedDesign()
        let threads = try options.threadCount()
        // A claim whose domain misses the grid, or that is undefined in a cell of its domain, is bad
        // input: find out before sampling.
        let aboutT = list.filter { !$0.quantity.isAttention }, aboutAttention = list.filter(\.quantity.isAttention)
        for claim in aboutT { try claim.requireDefined(in: design.grid.cells) }
        let softmax = try aboutAttention.isEmpty && claims != .attention ? nil : softmaxExperiment()
        if let softmax { for claim in aboutAttention { try claim.requireDefined(in: softmax.cells, scales: temperatures) } }
        let check: ClaimCheck
        var looks: [Int]?
        var attentionCheck: AttentionClaimsCheck?
        if sequential {
            if claims == .attention {
                throw QKVerifyError.invalidOption("--sequential", "not with --claims attention; allowed: --claims attention with --queries N")
            }
            if !aboutAttention.isEmpty {
                throw QKVerifyError.invalidOption("--sequential", "only for claims about T; allowed: claims about attention (--entropy, --participation, --max-weight, --jacobian) with --queries N")
            }
            let sequentialCheck = try SequentialCheck(claims: list, design: design, alpha: alpha, tolerance: delta, failFast: failFast)
            Interruption.install()
            let outcome = sequentialCheck.run(threads: threads, progress: options.meter("check"), shouldStop: Interruption.requested)
            guard let outcome else {
                options.say("qkverify: interrupted; no verdict")
                throw ExitCode(Interruption.exitStatus)
            }
            (check, looks) = (outcome.check, outcome.looksMade)
        } else {
            let comparisons = aboutT.isEmpty ? []
                : MomentsExperiment(design: design, threads: threads).run(progress: options.meter("check")).map(MomentComparison.init)
            let softmaxRun = softmax.map { (result: $0.run(threads: threads, progress: options.meter("check: softmax")), scales: temperatures) }
            // --claims attention takes its share of alpha from the user's claims (Bonferroni between the two).
            let share = attentionShare(claims: list.count)
            check = ClaimCheck(claims: list, comparisons: comparisons, softmax: softmaxRun, alpha: alpha * (1 - share), tolerance: delta)
            if claims == .attention, let softmaxRun {
                attentionCheck = AttentionClaimsCheck(softmaxRun.result, scales: temperatures, alpha: list.isEmpty ? alpha : alpha * share,
                                                      tolerance: tolerance ?? AttentionClaimsCheck.defaultTolerance, threads: threads)
            }
        }
        let diagnoses = try diagnose(check, design: design, softmax: softmax, looks: looks, alpha: alpha, threads: threads)
        let theory = showTheory ? Dictionary(uniqueKeysWithValues: list.map { ($0, ClosedForm.text(for: $0.quantity, on: design.grid, attention: $0.quantity.isAttention)) }) : [:]
        let checkReport = CheckReport(check: check, design: design, looks: looks, queries: softmax?.samples, diagnoses: diagnoses, theory: theory,
                                      attention: attentionCheck.map { AttentionClaimsReport($0, queries: softmax?.samples ?? 0) }, showsClaims: !list.isEmpty)
        let report = checkReport.render(format)
        // Standard output goes through StandardStreams, which knows a stdout closed at start-up (its
        // descriptor may since name another file); a file is written whole.
        if out == "-" { try StandardStreams.output(report) } else { try output.write(report) }
        if checkReport.exitStatus != 0 { throw ExitCode(checkReport.exitStatus) }
    }

    /// The claims of `--claims`, of the formula options and of `--claims-file`, in that order, each
    /// within `--where`'s domain as well as its own.
    /// Each claim option's formulas beside the quantity it claims: the one place an option's
    /// property (ArgumentParser needs one per option) meets its quantity. The debug build (every
    /// test's) stops where this list and ``Claim/Quantity/stated`` disagree.
    private var statedFormulas: [(Claim.Quantity, [String])] {
        let table: [(Claim.Quantity, [String])] = [
            (.mean, mean), (.variance, `var`), (.scale, scale), (.skewness, skewness), (.kurtosis, kurtosis),
            (.attention(.entropy), entropy), (.attention(.participation), participation), (.attention(.maxWeight), maxWeight),
            (.attention(.jacobianSquared), jacobian), (.attention(.outputVariance), outputVariance),
        ]
        assert(table.map(\.0) == Claim.Quantity.stated, "a claimable quantity has no option, or an option no quantity")
        return table
    }

    private func claimList() throws -> [Claim] {
        var common = Claim.Domain.all
        if let domain {
            do { common = try Claim.Domain(parsing: domain) } catch {
                throw QKVerifyError.invalidOption("--where", "bad domain '\(domain)': \(error.description)")
            }
        }
        var list: [Claim] = (claims?.claims ?? []).map { $0.within(common) }
        for (quantity, texts) in statedFormulas {
            for text in texts {
                let claim = try Claim(quantity, stating: text, within: common, isLimit: limit)
                if list.contains(claim) {
                    throw QKVerifyError.invalid(quantity.setting, "'\(text)' is given twice; allowed: each claim once")
                }
                list.append(claim)
            }
        }
        if let claimsFile {
            for (line, claim) in try ClaimsFile(text: Self.read(claimsFile), path: claimsFile, within: common, isLimit: limit).claims {
                if list.contains(where: { $0 == claim || ($0.name != nil && $0.name == claim.name) }) {
                    throw QKVerifyError.invalidOption("\(claimsFile):\(line)", "'\(claim.label)' is given twice; allowed: each claim once")
                }
                list.append(claim)
            }
        }
        guard !list.isEmpty || claims == .attention else {
            throw QKVerifyError.invalidOption("check", "no claim given; allowed: one or more of --mean, --var, --scale, --skewness, --kurtosis, --entropy, --participation, --max-weight, --jacobian, --output-variance, --claims-file F, or --claims textbook|paper|attention")
        }
        return list
    }

    /// The text of the claims file, read once and never written.
    private static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            throw QKVerifyError.invalidOption("--claims-file", "'\(path)': \(reason); allowed: a readable text file of claims, one a line")
        }
    }

    /// The softmax experiment for claims about attention: the grid's models (by default mu = 0,
    /// sigma = 1 and d = 4, 16, 64, where attention's claims are usually stated), `--keys` keys and
    /// `--queries` queries, seeded in its own stream.
    private func softmaxExperiment() throws -> SoftmaxExperiment {
        let moments = try grid.design(defaultMeans: [0], defaultSigmas: [1], defaultDims: [4, 16, 64])
        return try SoftmaxExperiment(grid: moments.grid, keys: keys, samples: queries, seed: moments.seed,
                                     generator: moments.generator, blockSamples: grid.stream.blockSize, valueSigma: valueSigma)
    }

    /// The share of alpha `--claims attention` takes beside `claims` claims of the user's: half, or all
    /// of it where there are none (and none where it is not asked for).
    private func attentionShare(claims: Int) -> Double {
        guard self.claims == .attention else { return 0 }
        return claims == 0 ? 1 : 0.5
    }

    /// Each rejected claim's diagnosis (``ClaimDiagnosis``): what its failures share, how it is off,
    /// and a formula fitted to the estimates that fresh samples (another stream, as large a run)
    /// did not reject. None with `--no-diagnosis`.
    private func diagnose(_ check: ClaimCheck, design: MomentsDesign, softmax: SoftmaxExperiment?, looks: [Int]?,
                          alpha: Double, threads: Int) throws -> [Claim: ClaimDiagnosis] {
        guard !noDiagnosis else { return [:] }
        var diagnoses: [Claim: ClaimDiagnosis] = [:]
        for claim in check.claims where check.verdict(claim) == .rejected {
            options.say("check: diagnosing \(claim.label) (a fitted formula is confirmed on fresh samples; --no-diagnosis skips this)")
            let confirm: (Claim) throws -> ClaimDiagnosis.Confirmation
            if claim.quantity.isAttention, let softmax {
                confirm = ClaimDiagnosis.freshSoftmaxRun(softmax, scales: temperatures, threads: threads, alpha: alpha)
            } else {
                confirm = ClaimDiagnosis.freshRun(design: design, threads: threads, alpha: alpha, samples: looks?.last)
            }
            diagnoses[claim] = try ClaimDiagnosis(claim, in: check, confirm: confirm)
        }
        return diagnoses
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
        do {
            if claims == .paper {
                return try grid.design(defaultMeans: [0], defaultSigmas: [1], defaultLaws: CoordinateLaw.representatives,
                                       samplesOverride: samplesOverride, blockOverride: blockOverride)
            }
            return try grid.design(defaultMeans: [-0.7, 0, 0.3, 1.3], defaultSigmas: [0.6, 1, 1.7],
                                   samplesOverride: samplesOverride, blockOverride: blockOverride)
        } catch QKVerifyError.invalid(.samples, _) where sequential {
            // The sample count refused is --max-samples's (--samples is refused with --sequential);
            // looks are blocks of 10^4 samples, so only fewer samples or fewer cells help.
            throw QKVerifyError.invalidOption("--max-samples", "'\(most)' needs more than 2^32 - 1 blocks of \(SequentialCheck.blockSamples) samples over this grid's cells; allowed: --max-samples times the number of cells at most \(Int(UInt32.max) * SequentialCheck.blockSamples)")
        }
    }
}

/// `--format text|csv|markdown|json`: the values appear in `--help`.
extension CheckReport.Format: ExpressibleByArgument {}
