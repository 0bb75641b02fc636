import Foundation
import Testing
@testable import QKTheory

/// ``AttentionTheory`` against the project's own measurements: `results/softmax.csv`, the softmax
/// experiment of the default run (N = 64 keys, q and k with iid N(mu, 1) coordinates, mu in
/// {0, 0.5, 1}, d from 1 to 512, each scale's tau, 2000 queries a row). Its `entropy` column is the
/// mean of H / log N and `max_weight` the mean largest weight, each with its standard error; the
/// exact values must lie within 5 of them. (Its `jacobian_norm` is the mean of ||J||_F, not of its
/// square, so it has no exact counterpart here.) The theory is asked to 1e-5, far below the errors.
///
/// The rows with d in {1, 16, 512} are checked (30 of the 100, every scale and mean): the others
/// agree as well (all 100 within |z| < 2.4 for both columns when this was written, in a release
/// build at tolerance 1e-6), but a debug build takes one to five seconds of CPU per row.
@Suite struct AttentionMeasurementTests {
    struct Row: Sendable, CustomStringConvertible {
        let d: Int, mu: Double, keys: Int, scale: String, tau: Double
        let entropy: Double, entropyError: Double, maxWeight: Double, maxWeightError: Double
        var description: String { "d = \(d), mu = \(mu), \(scale)" }
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results/softmax.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        // The table ends its lines with CRLF, one Character in Swift: split on any newline.
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        return lines.dropFirst().map { f in
            Row(d: Int(f[column("d")])!, mu: Double(f[column("mu")])!, keys: Int(f[column("keys")])!,
                scale: f[column("scale")], tau: Double(f[column("tau")])!,
                entropy: Double(f[column("entropy")])!, entropyError: Double(f[column("entropy_se")])!,
                maxWeight: Double(f[column("max_weight")])!, maxWeightError: Double(f[column("max_weight_se")])!)
        }
    }()

    @Test func theMeasurementsAreThere() {
        #expect(Self.rows.count == 100)
        #expect(Self.rows.allSatisfy { $0.keys == 64 })
    }

    @Test(arguments: rows.filter { [1, 16, 512].contains($0.d) })
    func measuredEntropyAndLargestWeightAgreeWithTheExactTheory(row: Row) throws {
        let theory = try AttentionTheory(keys: row.keys, temperature: row.tau, keySigma: 1,
                                         query: .gaussian(d: row.d, mean: row.mu, sigma: 1))
        let exact = theory.expectations(tolerance: 1e-5)
        #expect(exact.meetTolerance)
        let entropy = exact[.entropy].value / log(Double(row.keys))
        let zEntropy = (row.entropy - entropy) / row.entropyError
        let zLargest = (row.maxWeight - exact[.maxWeight].value) / row.maxWeightError
        #expect(abs(zEntropy) < 5, "\(row): measured H/log N \(row.entropy) ± \(row.entropyError), exact \(entropy)")
        #expect(abs(zLargest) < 5, "\(row): measured max a \(row.maxWeight) ± \(row.maxWeightError), exact \(exact[.maxWeight])")
    }
}
