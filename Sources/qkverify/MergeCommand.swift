import ArgumentParser
import Foundation
import QKVerify

/// `qkverify merge`: combine the part files of a sharded run into the single-machine table.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the part files of 'moments --shard I/N' into the table an unsharded run writes.",
        discussion: "Refuses (exit 65, naming the file) a corrupt, foreign, duplicate or unfinished part; a missing shard is exit 64.")

    @Argument(help: ArgumentHelp("The part files, one per shard, in any order.", valueName: "part"))
    var parts: [String] = []

    @Option(help: ArgumentHelp("The CSV table to write.", valueName: "path"))
    var out = "results/moments.csv"

    @Option(help: ArgumentHelp("Also judge the negative controls and write them here.", valueName: "path"))
    var controls: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"

    @Flag(help: "Print no summary.")
    var quiet = false

    func run() throws {
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let tables = try TableOutputs(out: OutputFile(path: out, option: "--out"), controls: controls, alpha: alpha)
        let states = try parts.map { path -> (path: String, state: RunStateFile) in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw QKVerifyError.io(path: path, reason: "cannot read")
            }
            return (path, try RunStateFile(bytes: Array(data), path: path))
        }
        let (design, results) = try ShardMerge.merge(states)
        let summary = try tables.write(results, design: design)
        if !quiet { FileHandle.standardError.write(Data("merge: \(parts.count) parts; \(summary)\n".utf8)) }
    }
}
