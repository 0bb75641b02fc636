import Foundation
import Testing
@testable import QKModel
@testable import QKVerdicts

/// `qkverify plan`: what it says, and what it refuses.
@Suite struct PlanCommandTests {
    @Test(arguments: ["--samples", "--seed", "--rng", "--block-size"])
    func planRefusesOptionsItWouldIgnore(option: String) throws {
        let value = option == "--rng" ? "mt19937" : "100000"
        let r = try CLI.run(["plan", "--dims", "1", option, value])
        #expect(r.status == 64 && r.stderr.contains("\(option): plan draws no samples"), "\(r.stderr)")
    }

    @Test func planSaysNoClosedFormWhereThereIsNone() throws {
        let r = try CLI.run(["plan", "--detect", "0.01", "--norm", "unit", "--means", "0,1", "--sigmas", "1", "--dims", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("no closed form") && r.stdout.contains("--samples"), "\(r.stdout)")
    }

    /// A plan past 2^31 samples prints the whole count (it printed --samples -522493687, a 64-bit
    /// count formatted as a C int), the same the library's SamplePlan computes.
    @Test func planPrintsCountsPastTwoToTheThirtyOneWhole() throws {
        let r = try CLI.run(["plan", "--dims", "1,3", "--means", "0", "--sigmas", "1", "--detect", "1e-4"])
        #expect(r.status == 0, "\(r.stderr)")
        let printed = r.stdout.split(separator: "--samples ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let plan = SamplePlan(grid: try Grid(dims: [1, 3], means: [0], sigmas: [1]), relativeError: 1e-4, alpha: 0.001)
        #expect(plan.samples > Int(Int32.max) && printed == plan.samples, "\(r.stdout)")
    }
}
