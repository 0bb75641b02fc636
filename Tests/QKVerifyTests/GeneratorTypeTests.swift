import Testing
@testable import QKGSL
@testable import QKEngine

/// Every generator `--rng` accepts gives true formulas a pass; the refused ones are refused with the reason.
@Suite struct GeneratorTypeTests {
    @Test(arguments: GeneratorType.acceptedNames)
    func everyAcceptedGeneratorPassesTheSeedClaims(name: String) throws {
        let r = try CLI.run(["check", "--claims", "seed", "--rng", name, "--samples", "20000", "--dims", "1,16,64",
                             "--means", "0,1", "--sigmas", "1", "--quiet"])
        #expect(r.status == 0, "\(name): \(r.stdout)")
        #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix("REJECTED") })
    }

    @Test(arguments: ["randu", "uni", "slatec", "r250", "random32-bsd", "ran3", "uni32", "ranf"])
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

/// Every accepted generator gives distinct blocks and distinct user seeds distinct streams under
/// the block seeding rule (``BlockSeeder``): `uni32` gave seeds 2, 3 and 7 identical estimates, as
/// GSL clamps its seeds above 2^30 to one value.
@Suite struct GeneratorStreamTests {
    /// The first draws of each block's stream, for user seeds 0, 1, 2, 3, 7 and 2^64 - 1 and the
    /// first 200 blocks of each: 1200 streams, all different.
    static func distinctStreams(_ type: GeneratorType) -> (distinct: Int, of: Int) {
        let generator = RandomGenerator(type: type)
        var streams = Set<[Double]>()
        var count = 0
        for seed: UInt64 in [0, 1, 2, 3, 7, .max] {
            let seeder = BlockSeeder(seed: seed)
            for block in 0..<200 {
                generator.seed(seeder.seed(forBlock: block))
                streams.insert((0..<4).map { _ in generator.flat(0, 1) })
                count += 1
            }
        }
        return (streams.count, count)
    }

    @Test(arguments: GeneratorType.acceptedNames)
    func distinctBlocksAndSeedsDrawDistinctStreams(name: String) throws {
        let (distinct, count) = Self.distinctStreams(try GeneratorType(name: name))
        #expect(distinct == count, "\(name): \(distinct) distinct streams of \(count)")
    }
}
