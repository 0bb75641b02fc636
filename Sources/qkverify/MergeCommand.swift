import ArgumentParser
import Foundation
import QKSupport
import QKGSL
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

        With --audit P (or --audit 2%), P randomly chosen parts are recomputed in full from their designs \
        before anything is written, and the merge is refused (exit 65, naming the part) if any recomputed \
        part's bytes differ: that catches a part computed wrong or edited with its checksum recomputed. \
        The line 'merge: auditing ... --audit-seed S' is printed even with --quiet; give --audit-seed S to \
        choose the same parts again. An audit of P of n parts costs P/n of the run's sampling.

        Examples:
          qkverify merge p*.part --out moments.csv --controls controls.csv
          qkverify merge p1.part p2.part --part g1.part   # a merge in levels
          qkverify merge p*.part --out moments.csv --audit 10%   # recompute a tenth of the parts first
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

    @Option(parsing: .unconditional, help: ArgumentHelp("Recompute this many randomly chosen parts (or a percentage, e.g. 2%) from their designs and refuse the merge if any differs.", valueName: "P"),
            transform: { text in
                do { return try PartAudit.Size(parsing: text, option: "--audit") } catch let QKVerifyError.invalidOption(_, reason) { throw ArgumentText.Invalid(reason) }
            })
    var audit: PartAudit.Size?

    @Option(name: .customLong("audit-seed"), parsing: .unconditional, help: ArgumentHelp("Seed of the audit's choice of parts, 0 to 2^64-1 (default: random, printed).", valueName: "n"),
            transform: { text in try ArgumentText.library { try GeneratorDefaults.seed(parsing: text, setting: .seed) } })
    var auditSeed: UInt64?

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads for --audit, 1 to 1024 (default: all cores).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, in: 1...1024, what: "a whole number from 1 to 1024") })
    var threads: Int?

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
        if auditSeed != nil, audit == nil {
            throw QKVerifyError.invalidOption("--audit-seed", "only with --audit; allowed: --audit P --audit-seed N")
        }
        let auditCount = parts.isEmpty ? nil : try audit?.count(of: parts.count, option: "--audit")
        try DistinctOutputs.check([("--part", part), ("--out", part == nil ? out : nil), ("--controls", controls)], inputs: parts)
        let partFile = try part.map { try OutputFile(path: $0, option: "--part") }
        var tables = try partFile == nil ? TableOutputs(out: OutputFile(path: out, option: "--out"), controls: controls, alpha: alpha) : nil
        tables?.format = format
        let files = try parts.map { path in
            let (bytes, state) = try StateStore.readWithBytes(path)
            return (path: path, bytes: bytes, state: state)
        }
        let states = files.map { (path: $0.path, state: $0.state) }
        if let partFile {
            let merged = try ShardMerge.combine(states)
            try runAudit(of: files, count: auditCount)
            try partFile.write(merged.bytes)
            if !quiet { StandardStreams.error("merge: \(parts.count) parts; shards \(merged.selection), \(merged.tree.nodes.count) nodes; wrote \(partFile.path)\n") }
        } else if let tables {
            let (design, results) = try ShardMerge.merge(states)
            try runAudit(of: files, count: auditCount)
            let (summary, failed) = try tables.write(results, design: design)
            if !quiet { StandardStreams.error("merge: \(parts.count) parts; \(summary)\n") }
            if failed { throw ExitCode(QKVerifyCommand.failedStatus) }
        }
    }

    /// Recomputes `count` chosen parts (nothing without --audit), after the parts were found to be
    /// one design's shards and before anything is written; says which seed chose them.
    ///
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming a part whose bytes differ; an exit
    ///   128 + the signal when interrupted.
    private func runAudit(of files: [(path: String, bytes: [UInt8], state: RunStateFile)], count: Int?) throws {
        guard let count else { return }
        let audit = PartAudit(count: count, seed: auditSeed ?? UInt64.random(in: .min ... .max))
        // Printed even with --quiet: without the seed a random audit cannot be repeated.
        StandardStreams.error("merge: auditing \(count) of \(files.count) parts, chosen with --audit-seed \(audit.seed)\n")
        Interruption.install()
        let started = ContinuousClock.now
        guard let audited = try audit.run(files, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                          shouldStop: Interruption.requested) else {
            StandardStreams.error("qkverify: interrupted during the audit; nothing written\n")
            throw ExitCode(Interruption.exitStatus)
        }
        if !quiet {
            StandardStreams.error("merge: audit: \(audited.count) parts recomputed in \(MomentsCommand.seconds(since: started)), each byte-identical: \(audited.joined(separator: ", "))\n")
        }
    }
}
