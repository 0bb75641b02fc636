import ArgumentParser
import Foundation
import QKSupport
import QKPersistence
import QKReporting

/// `qkverify merge`: combine the part files of a sharded run into the single-machine table.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the part files of 'moments --shard I/N' into the table an unsharded run writes.",
        discussion: """
        Parts may be given in any order. With --part, merges some consecutive shards into one part file, so many \
        shards can be merged in levels; the final table is the same bytes either way. Refuses (exit 65, naming \
        the file) a corrupt, foreign, duplicate or unfinished part; a missing shard is exit 64.

        Examples:
          qkverify merge p*.part --out moments.csv --controls controls.csv
          qkverify merge p1.part p2.part --part g1.part   # a merge in levels
        """)

    @Argument(help: ArgumentHelp("The part files, one per shard, in any order.", valueName: "part"))
    var parts: [String] = []

    @Option(help: ArgumentHelp("The CSV table to write (default: results/moments.csv); not with --part.", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("Write the merged parts as one part file here (for a merge in levels), instead of the table; the parts must be consecutive shards.", valueName: "path"))
    var part: String?

    @Option(help: ArgumentHelp("Also judge the negative controls and write them here.", valueName: "path"))
    var controls: String?

    @Option(help: ArgumentHelp("Also print the table on standard output: text, markdown or latex (the variance columns), csv or json (all); with --out -, the table itself in this format.", valueName: "format"))
    var format: TableFormat?

    @OptionGroup var alpha: AlphaOption

    @Flag(help: "Print no summary.")
    var quiet = false

    func run() throws {
        let alpha = try self.alpha.value()
        if part != nil, controls != nil {
            throw QKVerifyError.invalidOption("--controls", "not with --part; allowed: give --controls to the final merge")
        }
        if part != nil, out != nil {
            // --part writes a part file instead of the table: an --out beside it was silently ignored.
            throw QKVerifyError.invalidOption("--out", "not with --part (--part writes a part file, not the table); allowed: --out for the final merge, or --part alone")
        }
        let out = self.out ?? "results/moments.csv"
        try DistinctOutputs.check([("--part", part), ("--out", part == nil ? out : nil), ("--controls", controls)], inputs: parts)
        let partFile = try part.map { try OutputFile(path: $0, option: "--part") }
        var tables = try partFile == nil ? TableOutputs(out: OutputFile(path: out, option: "--out"), controls: controls, alpha: alpha) : nil
        tables?.format = format
        let states = try parts.map { path in (path: path, state: try StateStore.read(path)) }
        if let partFile {
            let merged = try ShardMerge.combine(states)
            try partFile.write(merged.bytes)
            if !quiet { StandardStreams.error("merge: \(parts.count) parts; shards \(merged.selection), \(merged.tree.nodes.count) nodes; wrote \(partFile.path)\n") }
        } else if let tables {
            let (design, results) = try ShardMerge.merge(states)
            let (summary, failed) = try tables.write(results, design: design)
            if !quiet { StandardStreams.error("merge: \(parts.count) parts; \(summary)\n") }
            if failed { throw ExitCode(QKVerifyCommand.failedStatus) }
        }
    }
}
