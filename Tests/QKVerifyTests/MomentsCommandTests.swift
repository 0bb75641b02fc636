import Foundation
import Testing
@testable import QKPersistence

/// `qkverify moments` through the real executable: output formats, interrupts, resume, memory.
@Suite(.serialized) struct MomentsCommandTests {
    @Test func aRunOfTenToTheFifteenSamplesStartsInLittleMemoryAndStopsAtOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.interrupt(["moments", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e15", "--out", "m.csv", "--quiet"],
                              after: 1.5, in: dir)
        #expect(r.status == 130 && r.seconds < 2, "\(r)")
        #expect(r.peakKB > 0 && r.peakKB < 100_000, "\(r)")
    }

    @Test func anInterruptInsideALongBlockStopsWithinAboutASecond() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // One block of 10^7 samples at d = 64 (21 s in a release build) and one sample of 2^31 draws.
        for (i, arguments) in [["--dims", "64", "--samples", "1e7", "--block-size", "10000000"],
                               ["--dims", "1073741824", "--samples", "1e4", "--block-size", "10000"]].enumerated() {
            let r = try CLI.interrupt(["moments"] + arguments + ["--means", "0", "--sigmas", "1", "--out", "m.csv", "--quiet",
                                                             "--checkpoint", "c\(i).ckpt"], after: 1, in: dir)
            #expect(r.status == 130 && r.seconds < 1.5, "\(arguments): \(r)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.csv").path))
        }
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedRunSavesACheckpointAndResumesToTheSameBytes(signal: Int32, status: Int32) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = dir.appendingPathComponent("ref.csv"), out = dir.appendingPathComponent("out.csv")
        let checkpoint = dir.appendingPathComponent("run.ckpt")
        #expect(try CLI.run(["moments"] + CLI.interruptibleGrid + ["--out", reference.path]).status == 0)
        let args = ["moments"] + CLI.interruptibleGrid + ["--out", out.path, "--checkpoint", checkpoint.path, "--checkpoint-every", "0.05"]
        #expect(try CLI.interrupt(args, signal: signal, checkpoint: checkpoint, in: dir) == status)
        #expect(!FileManager.default.fileExists(atPath: out.path))   // no table from an interrupted run
        let saved = try RunStateFile(bytes: Array(Data(contentsOf: checkpoint)), path: checkpoint.path)
        #expect(saved.kind == .checkpoint && !saved.tree.isComplete && !saved.tree.nodes.isEmpty)
        let resumed = try CLI.run(args)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: out) == Data(contentsOf: reference))
        #expect(!FileManager.default.fileExists(atPath: checkpoint.path))  // removed once the table is written
    }

    @Test(arguments: [
        (["--shard", "0/3"], "--shard"), (["--shard", "4/3"], "--shard"), (["--shard", "1-3"], "--shard"),
        (["--checkpoint-every", "0"], "--checkpoint-every"),
        (["--shard", "1/2", "--controls", "c.csv"], "--controls"),
    ])
    func badReliabilityOptionsAreRefused(arguments: [String], option: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments", "--dims", "1", "--samples", "10000", "--out", dir.appendingPathComponent("o").path] + arguments)
        #expect(r.status == 64 && r.stderr.contains(option), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func momentsAndScalingPrintTheirTableInTheFormatAsked() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--dims", "1,4", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--quiet"]
        let text = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "text"], in: dir)
        #expect(text.status == 0 && text.stdout.hasPrefix("d  mu  sigma  law") && text.stdout.contains("var_rel_error"), "\(text.stdout)")
        let json = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "json"], in: dir)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 2 && rows?[0]["var_theory"] as? Double == 1)
        let csv = try CLI.run(["moments"] + grid + ["--out", "m.csv", "--format", "csv"], in: dir)
        #expect(csv.stdout == (try String(contentsOf: dir.appendingPathComponent("m.csv"), encoding: .utf8)))
        let scaling = try CLI.run(["scaling"] + grid + ["--out", "s.csv", "--format", "text"], in: dir)
        #expect(scaling.status == 0 && scaling.stdout.hasPrefix("mu  sigma  dims  slope"), "\(scaling.stdout)")
        let bad = try CLI.run(["moments"] + grid + ["--out", "m2.csv", "--format", "yaml"], in: dir)
        #expect(bad.status == 64 && bad.stderr.contains("--format") && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("m2.csv").path))
    }
}

/// One exit-status policy: a command whose verification failed exits 1, never 0 (moments and merge
/// printed "2 of 3 cells fail" and exited 0). The failure is real data: an unsharded run's part with
/// the d = 16 cell's central sums scaled by 1.1^(p/2), so its variance is 10% too high (about 20
/// standard errors at 10^5 samples) and its standardized moments unchanged, recomputed checksum and
/// all. `merge` reads it as a part and `moments` resumes it as a checkpoint; both judge that cell
/// failed and exit 1, writing the same table.
@Suite(.serialized) struct FailedVerificationExitTests {
    static let grid = ["--dims", "1,4,16", "--means", "0", "--sigmas", "1", "--samples", "1e5", "--quiet"]

    /// The state file's text with the d = 16 cell's (cell 2) central sums M_p multiplied by 1.1^(p/2),
    /// as `kind`, with its checksum recomputed.
    static func inflated(_ text: String, kind: String) -> [UInt8] {
        let lines = text.split(separator: "\n").map(String.init).dropLast().map { line -> String in
            if line.hasPrefix("kind ") { return "kind \(kind)" }
            guard line.hasPrefix("node 2 ") else { return line }
            var words = line.split(separator: " ").map(String.init)
            for p in 2...8 { words[p + 4] = String(Double(words[p + 4])! * pow(1.1, Double(p) / 2)) }
            return words.joined(separator: " ")
        }
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        return body + Array("checksum \(FNV1a.hex(body))\n".utf8)
    }

    @Test func momentsAndMergeExitOneWhenACellFails() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = { (name: String) in dir.appendingPathComponent(name).path }
        #expect(try CLI.run(["moments"] + Self.grid + ["--shard", "1/1", "--out", path("whole.part")]).status == 0)
        let text = try String(contentsOfFile: path("whole.part"), encoding: .utf8)
        try Data(Self.inflated(text, kind: "part")).write(to: URL(fileURLWithPath: path("inflated.part")))
        try Data(Self.inflated(text, kind: "checkpoint")).write(to: URL(fileURLWithPath: path("inflated.state")))

        let merge = try CLI.run(["merge", path("inflated.part"), "--out", path("merged.csv"), "--quiet"])
        #expect(merge.status == 1, "\(merge.status): \(merge.stderr)")
        let merged = try String(contentsOfFile: path("merged.csv"), encoding: .utf8)
        let verdicts = merged.split(separator: "\r\n").dropFirst().map { $0.contains(",fail,") }
        #expect(verdicts == [false, false, true], "\(merged)")
        let moments = try CLI.run(["moments"] + Self.grid + ["--checkpoint", path("inflated.state"), "--out", path("m.csv")])
        #expect(moments.status == 1, "\(moments.status): \(moments.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("m.csv"))) == Data(contentsOf: URL(fileURLWithPath: path("merged.csv"))))
        // The part as written passes and exits 0.
        let sound = try CLI.run(["merge", path("whole.part"), "--out", path("ok.csv"), "--quiet"])
        #expect(sound.status == 0, "\(sound.stderr)")
    }
}
