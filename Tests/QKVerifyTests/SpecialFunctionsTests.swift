import Foundation
import Testing
@testable import QKGSL

/// ``SpecialFunctions``: the GSL-backed normal tail.
@Suite struct SpecialFunctionsTests {
    @Test func pValuesAreTwoSided() {
        #expect(abs(SpecialFunctions.twoSidedP(1.959963984540054) - 0.05) < 1e-12)
        #expect(SpecialFunctions.twoSidedP(0) == 1)
        #expect(SpecialFunctions.twoSidedP(-3) == SpecialFunctions.twoSidedP(3))
        #expect(SpecialFunctions.twoSidedP(.nan) == 0)
        #expect(SpecialFunctions.twoSidedP(37) > 0)  // GSL's tail is accurate until doubles underflow (z ~ 38.5)
    }
}
