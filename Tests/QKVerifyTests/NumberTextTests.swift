import Foundation
import Testing
@testable import QKSupport

/// ``NumberText``: shortest round-trip text for output files.
@Suite struct NumberTextTests {
    @Test func numbersAreShortestRoundTrip() {
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.format(1) == "1")
        #expect(NumberText.format(0.1) == "0.1")
        #expect(NumberText.format(-2.5) == "-2.5")
        #expect(NumberText.format(1e-5) == "1e-05")
        #expect(NumberText.format(1e16) == "1e+16")
        #expect(NumberText.format(.infinity) == "inf")
        for x in [0.1 + 0.2, 1.0 / 3, 123456.789e-7, .pi * 1e200] {
            #expect(Double(NumberText.format(x)) == x)
        }
    }
}
