import ArgumentParser
import Foundation
import QKVerify

/// `qkverify check`: test the user's own closed forms on a grid; exit 0 if all hold, 1 if any is rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check claimed closed forms for q^T k; exit 0 if every claim holds, 1 if any is rejected.",
        discussion: """
        A formula uses numbers, d, mu, sigma, + - * / ^, parentheses, unary minus and sqrt exp log abs,
        e.g. --var 'd*(sigma^4 + 2*mu^2*sigma^2)' or --scale 'sqrt(d)'. Exit status: 0 every claim holds,
        1 a claim is rejected, 64 bad input.
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
    @Option(help: ArgumentHelp("A named set of claims: 'seed' (E = d mu^2; Var = d and s = sqrt(d) at mu = 0, sigma = 1).", valueName: "set"))
    var claims: String?

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate over every test, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"
    @Option(help: ArgumentHelp("Output format: text, csv, markdown or json.", valueName: "format"))
    var format = "text"

    func run() throws {
        var list: [Claim] = []
        if let name = claims {
            guard name == "seed" else { throw QKVerifyError.invalidOption("--claims", "unknown set '\(name)'; allowed: seed") }
            list += Claim.seed()
        }
        for (quantity, text, option) in [(Claim.Quantity.mean, mean, "--mean"), (.variance, `var`, "--var"),
                                         (.scale, scale, "--scale"), (.skewness, skewness, "--skewness"),
                                         (.kurtosis, kurtosis, "--kurtosis")] {
            if let text { list.append(try Claim(quantity, text, option: option)) }
        }
        guard !list.isEmpty else {
            throw QKVerifyError.invalidOption("check", "no claim given; allowed: one or more of --mean, --var, --scale, --skewness, --kurtosis, or --claims seed")
        }
        guard let format = CheckReport.Format(rawValue: format) else {
            throw QKVerifyError.invalidOption("--format", "'\(format)' is not allowed; allowed: text, csv, markdown, json")
        }
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let design = try grid.design()
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
