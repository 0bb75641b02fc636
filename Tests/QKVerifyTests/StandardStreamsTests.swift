import Foundation
import Testing

/// ``StandardStreams``: a closed or full stream never changes a result, and a failed stdout is an I/O error.
@Suite(.serialized) struct StandardStreamsTests {
    @Test func aClosedOrFullStandardErrorNeverChangesTheResult() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.shell("\"$QK\" moments --dims x 2>&-", in: dir).status == 64)
        #expect(try CLI.shell("\"$QK\" moments --dims x 2>/dev/full", in: dir).status == 64)
        let run = try CLI.shell("\"$QK\" moments --dims 1 --means 0 --sigmas 1 --samples 1e4 --out m.csv 2>&-", in: dir)
        #expect(run.status == 0)
        let reference = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "ref.csv"], in: dir)
        #expect(reference.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("m.csv")) == Data(contentsOf: dir.appendingPathComponent("ref.csv")))
    }

    @Test func aFullOrClosedStandardOutputIsAnIOError() throws {
        let full = try CLI.shell("\"$QK\" check --claims seed --dims 1 --means 0 --sigmas 1 --samples 1e4 --quiet > /dev/full")
        #expect(full.status == 74 && full.stderr.contains("standard output: No space left on device"), "\(full.stderr)")
        let closed = try CLI.shell("\"$QK\" check --claims seed --dims 1 --means 0 --sigmas 1 --samples 1e4 --quiet >&-")
        #expect(closed.status == 74 && closed.stderr.contains("standard output"), "\(closed.stderr)")
        let plan = try CLI.shell("\"$QK\" plan --dims 1 > /dev/full")
        #expect(plan.status == 74)
    }
}
