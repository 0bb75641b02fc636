import Foundation
import Testing

/// `qkverify scaling` through the real executable.
@Suite struct ScalingCommandTests {
    /// A (mu, sigma) whose variance double precision cannot estimate at any d is an untested row and
    /// exit 5 (nothing failed, something asked for was not tested), not a trap: `--sigmas 1e40` once
    /// crashed with "Range requires lowerBound <= upperBound"; so did 1e-60 and `--means 1e20`.
    @Test(arguments: [
        (["--means", "0", "--sigmas", "1e40"], ["--means", "0", "--sigmas", "1,1e40"]),
        (["--means", "0", "--sigmas", "1e-60"], ["--means", "0", "--sigmas", "1,1e-60"]),
        (["--means", "1e20", "--sigmas", "1"], ["--means", "0,1e20", "--sigmas", "1"]),
    ])
    func scalingBeyondDoublePrecisionIsAnUntestedRowAndExit5(extreme: [String], mixed: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["scaling", "--dims", "1,2", "--samples", "1e4", "--out", "s.csv", "--quiet"] + extreme, in: dir)
        #expect(r.status == 5, "\(r.status): \(r.stderr)")
        let table = try String(contentsOf: dir.appendingPathComponent("s.csv"), encoding: .utf8)
        #expect(table.contains(",untested,") && !table.contains(",pass,") && !table.contains("nan"), "\(table)")
        // Beside a sound (mu, sigma), the sound one is fitted and passes; the run still exits 5.
        let both = try CLI.run(["scaling", "--dims", "1,2", "--samples", "1e4", "--out", "-", "--quiet"] + mixed, in: dir)
        #expect(both.status == 5 && both.stdout.contains(",untested,") && both.stdout.contains(",pass,"), "\(both.stdout)")
    }
}
