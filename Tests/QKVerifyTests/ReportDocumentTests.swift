import Foundation
import Testing
@testable import QKTheory
@testable import QKReporting

/// ``ReportDocument``: how numbers read in the report.
@Suite struct ReportDocumentTests {
    @Test func anUnderflowedPValueReadsAsBelowTheSmallestNotZero() {
        #expect(ReportDocument.p(0) == "< 1e-300" && ReportDocument.p(0.0123) == "0.0123")
    }

    /// Var(T / sqrt(d)) is 1 on the whole curve sigma^2 (sigma^2 + 2 mu^2) = 1, not only at mu = 0,
    /// sigma = 1: the report's sentence is built from the curve, and the tool itself does not reject
    /// s = sqrt(d) at mu = 1, sigma = 0.643594 (while it does at mu = 1, sigma = 1).
    @Test func unitScaledVarianceIsACurveNotAPoint() throws {
        #expect(abs(MomentStatistic.unitScaledVarianceSigma(mu: 0) - 1) < 1e-15)
        let s = MomentStatistic.unitScaledVarianceSigma(mu: 1)
        #expect(abs(s * s * (s * s + 2) - 1) < 1e-14 && abs(s - 0.643594) < 1e-6)
        let big = MomentStatistic.unitScaledVarianceSigma(mu: 1e5)
        #expect(abs(big * big * (big * big + 2e10) - 1) < 1e-9)
        let sentence = ReportDocument.unitScaledVarianceSentence(means: [0, 0.5, 1])
        #expect(sentence.contains("equals 1 exactly on the curve") && sentence.contains("sigma = 0.6436 at mu = 1"), "\(sentence)")
        #expect(!sentence.contains("only when"))
        let onCurve = try CLI.run(["check", "--scale", "sqrt(d)", "--means", "1", "--sigmas", "0.643594", "--dims", "4,16,64",
                                   "--samples", "1e5", "--quiet"])
        #expect(onCurve.status == 0 && onCurve.stdout.contains("NOT REJECTED"), "\(onCurve.stdout)")
        let offCurve = try CLI.run(["check", "--scale", "sqrt(d)", "--means", "1", "--sigmas", "1", "--dims", "4,16,64",
                                    "--samples", "1e5", "--quiet"])
        #expect(offCurve.status == 1, "\(offCurve.stdout)")
    }
}
