import Foundation
import Testing

/// `qkverify merge`: shards run in separate processes merge to the unsharded bytes.
@Suite(.serialized) struct MergeCommandTests {
    @Test func threeShardsInSeparateProcessesMergeToTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--dims", "1,3,8", "--means", "0,1", "--sigmas", "1", "--samples", "20000", "--block-size", "3000", "--quiet"]
        let reference = dir.appendingPathComponent("ref.csv")
        #expect(try CLI.run(["moments"] + grid + ["--out", reference.path, "--controls", dir.appendingPathComponent("c1.csv").path]).status == 0)
        let shards = try (1...3).map { i in try CLI.start(["moments"] + grid + ["--shard", "\(i)/3"], in: dir) }
        for shard in shards { shard.waitUntilExit(); #expect(shard.terminationStatus == 0) }
        let parts = (1...3).map { dir.appendingPathComponent("moments-shard-\($0)-of-3.part").path }
        let merged = dir.appendingPathComponent("merged.csv")
        let merge = try CLI.run(["merge", parts[2], parts[0], parts[1], "--out", merged.path, "--quiet",
                                 "--controls", dir.appendingPathComponent("c2.csv").path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Data(contentsOf: merged) == Data(contentsOf: reference))
        #expect(try Data(contentsOf: dir.appendingPathComponent("c1.csv")) == Data(contentsOf: dir.appendingPathComponent("c2.csv")))

        // Refused, naming the file, with no output: missing, duplicate, foreign, corrupt, unreadable.
        let out = dir.appendingPathComponent("refused.csv").path
        let missing = try CLI.run(["merge", parts[0], parts[1], "--out", out])
        #expect(missing.status == 64 && missing.stderr.contains("shard 3/3 missing"))
        let duplicate = try CLI.run(["merge", parts[0], parts[1], parts[1], "--out", out])
        #expect(duplicate.status == 65 && duplicate.stderr.contains("shard 2/3 is given twice"))
        let foreign = dir.appendingPathComponent("foreign.part").path
        #expect(try CLI.run(["moments"] + grid + ["--seed", "9", "--shard", "3/3", "--out", foreign]).status == 0)
        let mixed = try CLI.run(["merge", parts[0], parts[1], foreign, "--out", out])
        #expect(mixed.status == 65 && mixed.stderr.contains("foreign.part: from a different design"))
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: parts[2])))
        bytes[200] = bytes[200] == 48 ? 49 : 48
        let corruptPath = dir.appendingPathComponent("corrupt.part")
        try Data(bytes).write(to: corruptPath)
        let corrupt = try CLI.run(["merge", parts[0], parts[1], corruptPath.path, "--out", out])
        #expect(corrupt.status == 65 && corrupt.stderr.contains("corrupt.part: corrupt"))
        let unreadable = try CLI.run(["merge", parts[0], parts[1], dir.appendingPathComponent("nope.part").path, "--out", out])
        #expect(unreadable.status == 74 && unreadable.stderr.contains("nope.part"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
