import Foundation
import Testing
@testable import QKModel
@testable import QKClaims

/// A claim's domain, parsed and evaluated without sampling (issue 21 item 1).
@Suite struct ClaimDomainTests {
    static func cell(d: Int = 4, mu: Double = 0, sigma: Double = 1) -> Cell { Cell(d: d, mu: mu, sigma: sigma) }

    @Test func comparisonsJoinedWithAndMustAllHold() throws {
        let domain = try Claim.Domain(parsing: "mu = 0 and d >= 16")
        #expect(domain.conditions.count == 2 && domain.text == "mu = 0 and d >= 16")
        #expect(domain.contains(Self.cell(d: 16)) && domain.contains(Self.cell(d: 64)))
        #expect(!domain.contains(Self.cell(d: 4)) && !domain.contains(Self.cell(d: 16, mu: 0.3)))
    }

    /// Grid values are decimal text: `3*0.1` equals the grid's 0.3 within the relative tolerance,
    /// where the doubles differ in the last bit.
    @Test func equalityHasASmallRelativeTolerance() throws {
        #expect(3 * 0.1 != 0.3)
        #expect(try Claim.Domain(parsing: "mu = 3*0.1").contains(Self.cell(mu: 0.3)))
        #expect(try !Claim.Domain(parsing: "mu != 3*0.1").contains(Self.cell(mu: 0.3)))
        #expect(try !Claim.Domain(parsing: "mu < 3*0.1").contains(Self.cell(mu: 0.3)))
        #expect(try Claim.Domain(parsing: "mu <= 3*0.1").contains(Self.cell(mu: 0.3)))
        #expect(try !Claim.Domain(parsing: "mu = 0.3000001").contains(Self.cell(mu: 0.3)))
    }

    @Test(arguments: [("sigma ≥ 1", true), ("sigma ≤ 0.5", false), ("mu ≠ 0", false), ("mu == 0", true), ("0 < d <= 4", true),
                      ("1 < sigma < 2", false), ("d*sigma^2 > 3", true), ("abs(mu) <= 0", true), ("mu < 1e-12", false)])
    func everyRelationSpellingAndChainsAreRead(text: String, holdsAtD4Mu0Sigma1: Bool) throws {
        #expect(try Claim.Domain(parsing: text).contains(Self.cell()) == holdsAtD4Mu0Sigma1)
    }

    @Test func aNameContainingAndOrWhereIsNotSplit() throws {
        #expect("mu=0 and sigma=1".split(onWord: "and") == ["mu=0", "sigma=1"])
        #expect("random and band".split(onWord: "and") == ["random", "band"])
        #expect("1/d where mu = 0 where".split(onWord: "where", maxSplits: 1) == ["1/d", "mu = 0 where"])
    }

    /// The built-in claims' domains are comparisons on the same mechanism, with the model their
    /// derivation assumes; their text is unchanged for the tables that print it.
    @Test func theBuiltInDomainsAreComparisonsOnTheirModel() {
        #expect(Claim.Domain.standard.conditions.count == 2 && Claim.Domain.standard.rawValue == "mu=0 and sigma=1")
        #expect(Claim.Domain.standard.contains(Self.cell()) && !Claim.Domain.standard.contains(Self.cell(sigma: 2)))
        let correlated = Cell(d: 4, model: CoordinateModel(muQ: 0, muK: 0, sigmaQ: 1, sigmaK: 1, rho: 0.5))
        #expect(!Claim.Domain.standard.contains(correlated))
        #expect(Claim.Domain.all.isAll && Claim.Domain.seed.rawValue == "seed model")
    }

    @Test func aClaimsOwnDomainNarrowsTheCommonOne() throws {
        let claim = try Claim(.variance, stating: "1/d where mu = 0", within: Claim.Domain(parsing: "d > 1"))
        #expect(claim.text == "1/d" && claim.domain.text == "mu = 0 and d > 1")
        #expect(claim.domain.contains(Self.cell(d: 4)) && !claim.domain.contains(Self.cell(d: 1)))
        #expect(try Claim(.variance, stating: "d").domain == .all)
    }

    @Test func aClaimsFileGivesEachClaimItsLineNameAndDomain() throws {
        let file = try ClaimsFile(text: "# header\n\nv: var = d where mu = 0  # comment\r\nmean = 0\n", path: "f")
        #expect(file.claims.map(\.line) == [3, 4])
        #expect(file.claims[0].claim.name == "v" && file.claims[0].claim.label == "v: Var(T) = d" && file.claims[0].claim.domain.text == "mu = 0")
        #expect(file.claims[1].claim.name == nil && file.claims[1].claim.quantity == .mean)
    }
}
