import ArgumentParser
import Foundation
import QKSupport
import QKGSL
import QKReporting

/// The `qkverify` command line: parses, calls the library, exits.
///
/// Exit statuses, the same for every command: 0 done and everything verified held; 1 something
/// verified failed (``failedStatus``); 5 something untested (``untestedStatus``); 64 bad input
/// (usage); 65 a bad input file; 74 an I/O error; 129 / 130 / 131 / 143 interrupted by SIGHUP / SIGINT /
/// SIGQUIT / SIGTERM.
@main
struct QKVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qkverify",
        abstract: "Monte Carlo verifier for the statistics of q^T k behind scaled dot-product attention.",
        discussion: """
        Exit status, for every command: 0 done, and everything it verified held; 1 something it \
        verified failed (a claim, a moments cell, a scaling fit, the exact law, a true control); \
        5 nothing failed, but something asked for was not tested (check: a claim untested or \
        undecided; scaling: a fit; distribution: a cell's exact-law tests); 64 bad input; 65 a bad input file; 74 an I/O \
        error; 129 / 130 / 131 / 143 interrupted by SIGHUP / SIGINT / SIGQUIT / SIGTERM.
        """,
        version: ReportDocument.version,
        subcommands: [ReportCommand.self, MomentsCommand.self, CheckCommand.self, PlanCommand.self, ScalingCommand.self, SoftmaxCommand.self, DistributionCommand.self, MergeCommand.self, GeneratorsCommand.self])

    /// The exit status when what a command verified failed: a claim rejected (`check`), a moments cell
    /// failing (`moments`, `merge`), a scaling fit rejecting slope 1 (`scaling`), the exact law
    /// rejected (`distribution`), any of these or a true control failing (`report`).
    static let failedStatus: Int32 = 1

    /// The exit status when nothing failed but something the command was asked to verify could not be
    /// tested: a claim untested or undecided (`check`), a scaling fit (`scaling`) or an exact-law test
    /// (`distribution`) beyond what double precision can estimate.
    static let untestedStatus: Int32 = 5

    /// Runs the command; every error is one line on standard error with a documented status.
    static func main() {
        StandardStreams.prepare()
        GSL.configure()
        Interruption.restoreQuit()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommand(first) { fail(message, status: 64) }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as QKVerifyError {
            fail(error.description(naming: \.option), status: error.exitStatus)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success { exit(withError: error) }  // --help, --version
            var message = concise(self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; "))
            if message.lowercased().contains("unexpected argument"), let hint = quoteHint(arguments) { message += "; \(hint)" }
            fail(message, status: status.rawValue)
        }
    }

    /// ArgumentParser's refusal of a typed value, "The value '0' is invalid for '--dims <list>': why",
    /// said as this tool says every refusal: "--dims: why".
    static func concise(_ message: String) -> String {
        guard message.hasPrefix("The value '"), let named = message.range(of: "' is invalid for '") else { return message }
        let value = message[message.index(message.startIndex, offsetBy: "The value '".count)..<named.lowerBound]
        if let reason = message.range(of: "': ", range: named.upperBound..<message.endIndex),
           let option = message[named.upperBound..<reason.lowerBound].split(separator: " ").first {
            return "\(option): " + message[reason.upperBound...]
        }
        // An enumerated option: "... '--format <format>'. Please provide one of 'text', 'csv' or 'json'."
        if let list = message.range(of: "'. Please provide one of ", range: named.upperBound..<message.endIndex),
           let option = message[named.upperBound..<list.lowerBound].split(separator: " ").first {
            let allowed = message[list.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            return "\(option): '\(value)' is not allowed; allowed: \(allowed)"
        }
        return message
    }

    /// The names a user can type as the first argument.
    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// A one-line error for a first argument that is not a subcommand (nor an option), naming the
    /// nearest subcommand when it is one or two edits away.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word) else { return nil }
        let nearest = subcommandNames.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        let suggestion = nearest.flatMap { $0.1 <= 2 ? " did you mean '\($0.0)'?" : nil } ?? ""
        return "unknown command '\(word)';\(suggestion) allowed: \(subcommandNames.filter { $0 != "help" }.joined(separator: ", ")) (qkverify --help lists them)"
    }

    /// Levenshtein distance between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// When a formula option is followed by stray words (an unquoted `d * sigma^2`, whose `*` the
    /// shell expanded into file names), the hint that formulas need quotes.
    static func quoteHint(_ arguments: [String]) -> String? {
        let formulaOptions: Set<String> = ["--mean", "--var", "--scale", "--skewness", "--kurtosis"]
        guard let option = arguments.first(where: formulaOptions.contains) else { return nil }
        return "a formula is one argument: quote it, e.g. \(option) 'd * sigma^2' (unquoted, the shell splits it at spaces and expands *)"
    }

    static func fail(_ message: String, status: Int32) -> Never {
        StandardStreams.error("qkverify: error: \(message)\n")
        Foundation.exit(status)
    }
}
