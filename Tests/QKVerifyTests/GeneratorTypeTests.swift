import Testing
@testable import QKGSL

/// Every generator `--rng` accepts gives true formulas a pass; the refused ones are refused with the reason.
@Suite struct GeneratorTypeTests {
    @Test(arguments: GeneratorType.acceptedNames)
    func everyAcceptedGeneratorPassesTheSeedClaims(name: String) throws {
        let r = try CLI.run(["check", "--claims", "seed", "--rng", name, "--samples", "20000", "--dims", "1,16,64",
                             "--means", "0,1", "--sigmas", "1", "--quiet"])
        #expect(r.status == 0, "\(name): \(r.stdout)")
        #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix("REJECTED") })
    }

    @Test(arguments: ["randu", "uni", "slatec", "r250", "random32-bsd"])
    func weakGeneratorsAreRefusedWithTheReason(name: String) throws {
        #expect(GeneratorType.allNames.contains(name))
        #expect(!GeneratorType.acceptedNames.contains(name))
        let r = try CLI.run(["check", "--claims", "seed", "--rng", name, "--dims", "1"])
        #expect(r.status == 64 && r.stderr.contains("--rng: generator '\(name)' is refused: "), "\(r.stderr)")
        let env = try CLI.run(["check", "--claims", "seed", "--dims", "1"], environment: ["GSL_RNG_TYPE": name])
        #expect(env.status == 64 && env.stderr.contains("GSL_RNG_TYPE: generator '\(name)' is refused"), "\(env.stderr)")
    }

    @Test func theListsOfAcceptedAndRefusedCoverGSLsGenerators() throws {
        #expect(GeneratorType.acceptedNames.count + GeneratorType.refused.count == GeneratorType.allNames.count)
        let listed = try CLI.run(["generators"])
        #expect(listed.stdout.split(separator: "\n").map(String.init) == GeneratorType.acceptedNames)
        let refused = try CLI.run(["generators", "--refused"])
        #expect(refused.stdout.contains("randu: a linear congruential generator"))
    }
}
