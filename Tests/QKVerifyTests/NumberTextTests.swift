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

    /// gnuplot turns `1e-05` and `1e+20` into numbers only with a decimal point in the mantissa:
    /// its words get one, and still read back as the same Double.
    @Test func gnuplotWordsHaveADecimalPointBeforeTheExponent() {
        #expect(NumberText.gnuplot(1e-5) == "1.0e-05" && NumberText.gnuplot(1e20) == "1.0e+20" && NumberText.gnuplot(-1e30) == "-1.0e+30")
        #expect(NumberText.gnuplot(2.5e-8) == "2.5e-08" && NumberText.gnuplot(0.5) == "0.5" && NumberText.gnuplot(3) == "3")
        for x in [1e-5, 1e-10, 1e20, -1e30, 2.5e-8, 0.1, 3, 1e100, 5e-324] {
            #expect(Double(NumberText.gnuplot(x)) == x)
        }
    }
}
