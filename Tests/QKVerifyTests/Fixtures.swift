@testable import QKGSL
@testable import QKModel
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts
@testable import QKReporting

/// Small seeded designs for tests.
enum Fixtures {
    static func design(dims: [Int], means: [Double], sigmas: [Double], samples: Int,
                       seed: UInt64 = 20261127, rng: String = "mt19937", blockSize: Int? = nil) throws -> MomentsDesign {
        try MomentsDesign(grid: Grid(dims: dims, means: means, sigmas: sigmas), samples: samples, seed: seed,
                          generator: GeneratorType(name: rng), blockSamples: blockSize)
    }

    static func table(_ design: MomentsDesign, threads: Int) -> [UInt8] {
        let rows = MomentsExperiment(design: design, threads: threads).run().map(MomentComparison.init)
        return MomentsTable.table(MomentsVerdict(rows, alpha: 0.001), design: design).bytes
    }

    /// Fisher's exact variance of the k-statistic k4 in samples of n, from the cumulants.
    static func varianceOfK4(_ t: DotProductTheory, n: Int) -> Double {
        let k = (0...8).map { $0 == 0 ? 0 : t.cumulant($0) }
        let n = Double(n)
        return k[8] / n + (16 * k[6] * k[2] + 48 * k[5] * k[3] + 34 * k[4] * k[4]) / (n - 1)
            + (72 * k[4] * k[2] * k[2] + 144 * k[3] * k[3] * k[2]) * n / ((n - 1) * (n - 2))
            + 24 * pow4(k[2]) * n * (n + 1) / ((n - 1) * (n - 2) * (n - 3))
    }

    static func pow4(_ x: Double) -> Double { x * x * x * x }
}
