import Foundation
import Testing
@testable import QKReporting

/// ``ReportDocument``: how numbers read in the report.
@Suite struct ReportDocumentTests {
    @Test func anUnderflowedPValueReadsAsBelowTheSmallestNotZero() {
        #expect(ReportDocument.p(0) == "< 1e-300" && ReportDocument.p(0.0123) == "0.0123")
    }
}
