import Foundation
import Testing

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
}
