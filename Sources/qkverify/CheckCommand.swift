import ArgumentParser
import Foundation
import QKVerify

/// `qkverify check`: test the user's own closed forms on a grid; exit 0 if all hold, 1 if any is rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check claimed closed forms for q^T k; exit 0 if every claim holds, 1 if any is rejected.",
        discussion: """
        A formula uses numbers, + - * / ^, parentheses, unary minus, sqrt exp log abs, and the variables
        d, mu, sigma (where q and k share them), mu_q, mu_k, sigma_q, sigma_k, rho, kurt_q, kurt_k (the
        law's excess kurtosis) and pi; e.g. --var 'd*(sigma^4 + 2*mu^2*sigma^2)' or --scale 'sqrt(d)'.
        Claims are compared with the estimates and their estimated standard errors, so they are checked
        also where qkverify has no closed form (--norm unit or layer at nonzero means).
        Exit status: 0 every claim holds, 1 a claim is rejected, 64 bad input.
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
    @Option(help: ArgumentHelp("A named set of claims: 'seed' (E = d mu^2; Var = d and s = sqrt(d) at mu = 0, sigma = 1), or 'paper' (Vaswani et al. 2017, footnote 4: E = 0 and Var = d at mean 0, variance 1, any law; its default grid is every law at --means 0 --sigmas 1).", valueName: "set"))
    var claims: String?

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate over every test, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"
    @Option(help: ArgumentHelp("Output format: text, csv, markdown or json.", valueName: "format"))
    var format = "text"

    func run() throws {
        var list: [Claim] = []
        switch claims {
        case nil: break
        case "seed": list += Claim.seed()
        case "paper": list += Claim.paper()
        case let name?: throw QKVerifyError.invalidOption("--claims", "unknown set '\(name)'; allowed: seed, paper")
        }
        for (quantity, text, option) in [(Claim.Quantity.mean, mean, "--mean"), (.variance, `var`, "--var"),
                                         (.scale, scale, "--scale"), (.skewness, skewness, "--skewness"),
                                         (.kurtosis, kurtosis, "--kurtosis")] {
            if let text { list.append(try Claim(quantity, text, option: option)) }
        }
        guard !list.isEmpty else {
            throw QKVerifyError.invalidOption("check", "no claim given; allowed: one or more of --mean, --var, --scale, --skewness, --kurtosis, or --claims seed|paper")
        }
        guard let format = CheckReport.Format(rawValue: format) else {
            throw QKVerifyError.invalidOption("--format", "'\(format)' is not allowed; allowed: text, csv, markdown, json")
        }
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let design = claims == "paper"
            ? try grid.design(defaultMeans: "0", defaultSigmas: "1",
                              defaultLaws: CoordinateLaw.representatives.map(\.description).joined(separator: ","))
            : try grid.design()
        let threads = try options.threadCount()
        // A claim whose domain misses the grid is bad input: find out before sampling.
        for claim in list { try claim.requireCell(in: design.grid.cells) }
        let comparisons = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("check"))
            .map(MomentComparison.init)
        let check = try ClaimCheck(claims: list, comparisons: comparisons, alpha: alpha)
        print(CheckReport(check: check, design: design).render(format), terminator: "")
        if !check.allHold { throw ExitCode(1) }
    }
}
