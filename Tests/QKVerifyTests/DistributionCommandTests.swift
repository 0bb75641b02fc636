import Foundation
import Testing

/// `qkverify distribution` through the real executable.
@Suite struct DistributionCommandTests {
    /// `distribution --sigmas 1e300` (also 1e-300, 1e-170) once wrote KS = 0, p = 1, "pass" for
    /// samples that were all NaN, and exited 0. Now such a cell is untested, its numbers empty, and
    /// the run exits 5 (nothing failed, something asked for was not tested); beside a sound sigma,
    /// the sound cells still pass.
    @Test(arguments: ["1e300", "1e-300", "1e-170"])
    func aCellBeyondDoublePrecisionIsUntestedAndExit5(sigma: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["distribution", "--dims", "1,2", "--samples", "1000", "--out", "d.csv", "--histogram", "h.csv", "--quiet"]
        let alone = try CLI.run(base + ["--sigmas", sigma], in: dir)
        #expect(alone.status == 5, "\(alone.status): \(alone.stderr)")
        let table = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8)
        #expect(table.contains(",untested,") && !table.contains("pass") && !table.contains("fail"), "\(table)")
        let mixed = try CLI.run(base + ["--sigmas", "1,\(sigma)", "--format", "csv"], in: dir)
        #expect(mixed.status == 5 && mixed.stdout.contains(",untested,"), "\(mixed.stdout)")
        let rows = mixed.stdout.split(separator: "\n").dropFirst()
        #expect(rows.filter { $0.contains(",1,1000,") }.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[6] == "pass" }, "\(mixed.stdout)")
    }
}
