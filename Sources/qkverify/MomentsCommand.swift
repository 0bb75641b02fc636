import ArgumentParser
import Foundation
import QKSupport
import QKStatistics
import QKEngine
import QKExperiments
import QKPersistence
import QKReporting

/// `qkverify moments`: estimate the moments of q^T k over a grid and write them beside the closed forms.
struct MomentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moments",
        abstract: "Estimate the moments of q^T k over a grid and judge them against the closed forms.",
        discussion: """
        Ctrl-C (SIGINT), SIGTERM, SIGHUP or SIGQUIT stops at the next block, saves --checkpoint if given, \
        writes no table and exits 128 + the signal (130, 143, 129, 131). --checkpoint must not be a symbolic link. Run the same command again to resume; the result is byte-identical to an \
        uninterrupted run. With --shard I/N it runs one shard's blocks and writes a part file for 'merge'.

        Examples:
          qkverify moments --dims 1,4,16,64 --means 0,1 --sigmas 1 --format text
          qkverify moments --samples 1e8 --checkpoint run.ckpt   # resumable
          qkverify moments --shard 2/8 --out p2.part   # then: qkverify merge p*.part
        """)

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @Option(help: ArgumentHelp("The CSV table to write, or with --shard the part file (default moments-shard-I-of-N.part).", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("Also print the table on standard output: text, markdown or latex (the variance columns), csv or json (all).", valueName: "format"))
    var format: TableFormat?

    @Option(help: ArgumentHelp("Also judge the negative controls (true and plausible wrong formulas) and write them here.", valueName: "path"))
    var controls: String?

    @OptionGroup var alpha: AlphaOption

    @Option(help: ArgumentHelp("Save progress here (every --checkpoint-every seconds and on Ctrl-C); resume from it if it exists.", valueName: "path"))
    var checkpoint: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds between checkpoint saves (default: 30).", valueName: "s"),
            transform: ArgumentText.seconds)
    var checkpointEvery: Double = 30

    @Option(parsing: .unconditional, help: ArgumentHelp("Run only shard I of N (1 <= I <= N) and write a part file for 'qkverify merge'.", valueName: "I/N"),
            transform: ArgumentText.shard)
    var shard: BlockSelection?

    func run() throws {
        // Everything is checked before any work.
        let design = try grid.design()
        let threads = try options.threadCount()
        let alpha = try self.alpha.value()
        let selection = shard
        let interval = checkpointEvery
        if selection != nil, controls != nil {
            throw QKVerifyError.invalidOption("--controls", "not with --shard; allowed: give --controls to 'qkverify merge'")
        }
        if selection != nil, format != nil {
            throw QKVerifyError.invalidOption("--format", "not with --shard (a shard writes a part file, not the table); allowed: give --format to 'qkverify merge'")
        }
        let defaultOut = selection.map { "moments-shard-\($0.shards.lowerBound + 1)-of-\($0.of).part" } ?? "results/moments.csv"
        try DistinctOutputs.check([("--out", out ?? defaultOut), ("--controls", controls), ("--checkpoint", checkpoint)])
        let output = try OutputFile(path: out ?? defaultOut, option: "--out")
        var tables = try TableOutputs(out: output, controls: controls, alpha: alpha)
        tables.format = format
        let store = try checkpoint.map { try StateStore(path: $0, option: "--checkpoint") }
        defer { store?.release() }  // also when the run is refused or fails after the lock was taken

        let started = ContinuousClock.now
        let part = selection ?? .all
        let tree = try sample(design, part, threads: threads, store: store, checkpointEvery: interval)
        if let selection {
            try output.write(RunStateFile(kind: .part, design: design, selection: part, tree: tree).bytes)
            store?.remove()
            options.say("moments: shard \(selection): \(part.range(in: design.plan).count) blocks in \(Self.seconds(since: started)); wrote \(output.path)")
        } else {
            let (summary, failed) = try tables.write(MomentsExperiment.results(of: tree, design: design), design: design)
            store?.remove()
            options.say("moments: " + summary + " in \(Self.seconds(since: started)) (\(threads) threads)")
            if failed { throw ExitCode(QKVerifyCommand.failedStatus) }
        }
    }

    /// Samples the blocks of `part`, resuming from the checkpoint if there is one and saving it every
    /// `interval` seconds; on a signal, saves it and exits (``stop(_:_:)``).
    ///
    /// - Returns: the part's complete merge tree.
    private func sample(_ design: MomentsDesign, _ part: BlockSelection, threads: Int, store: StateStore?,
                        checkpointEvery interval: Double) throws -> MergeTree<StreamingMoments> {
        let saved = try store?.resume(design: design, selection: part)
        if saved != nil, let store { options.say("moments: resuming from \(store.file.path)") }
        Interruption.install()
        let checkpoint: @Sendable (MergeTree<StreamingMoments>) -> RunStateFile = { tree in
            RunStateFile(kind: .checkpoint, design: design, selection: part, tree: tree)
        }
        var save: (@Sendable (MergeTree<StreamingMoments>) -> Void)?
        if let store {
            let options = options
            save = { tree in options.saveCheckpoint(checkpoint(tree), to: store) }
        }
        let (tree, finished) = MomentsExperiment(design: design, threads: threads).run(
            part, from: saved?.tree ?? MergeTree(plan: design.plan), progress: options.meter("moments"),
            shouldStop: Interruption.requested, snapshotEvery: .milliseconds(Int64(interval * 1000)), snapshot: save)
        guard finished else { try stop(store, checkpoint(tree)) }
        return tree
    }

    /// After a signal: save the checkpoint if asked, write nothing else, exit 128 + the signal.
    private func stop(_ store: StateStore?, _ state: RunStateFile) throws -> Never {
        if let store {
            defer { store.release() }
            try store.save(state)
            options.say("qkverify: interrupted; saved \(store.file.path); run the same command to resume")
        } else {
            options.say("qkverify: interrupted; no output written (give --checkpoint FILE to keep the work)")
        }
        throw ExitCode(Interruption.exitStatus)
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.1f s", (ContinuousClock.now - start) / .seconds(1))
    }
}
