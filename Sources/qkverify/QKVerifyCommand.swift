import ArgumentParser
import Foundation
import QKVerify

/// The `qkverify` command line: parses, calls the library, exits.
///
/// Exit statuses: 0 done (and no claim rejected, untested or undecided); 1 a claim was rejected;
/// 5 a claim untested or undecided; 64 bad input (usage);
/// 65 a bad input file; 74 an I/O error; 130 / 143 interrupted by SIGINT / SIGTERM.
@main
struct QKVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qkverify",
        abstract: "Monte Carlo verifier for the statistics of q^T k behind scaled dot-product attention.",
        version: "0.1.0",
        subcommands: [ReportCommand.self, MomentsCommand.self, CheckCommand.self, PlanCommand.self, ScalingCommand.self, SoftmaxCommand.self, DistributionCommand.self, MergeCommand.self, GeneratorsCommand.self])

    /// Runs the command; every error is one line on standard error with a documented status.
    static func main() {
        StandardStreams.prepare()
        GSL.configure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as QKVerifyError {
            fail(error.description, status: error.isUsageError ? 64 : (error.isFileError ? 65 : 74))
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success { exit(withError: error) }  // --help, --version
            let message = self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; ")
            fail(message, status: status.rawValue)
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        StandardStreams.error("qkverify: error: \(message)\n")
        Foundation.exit(status)
    }
}
