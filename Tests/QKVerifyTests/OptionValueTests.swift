import Foundation
import Testing
@testable import qkverify
@testable import QKSupport

/// ``OptionValue``: the value syntax a user types, as the README writes it.
@Suite struct OptionValueTests {
    @Test func dimsAcceptTheEllipsisTheReadmeWrites() throws {
        #expect(try OptionValue.positiveIntegers("1,2,4,...,512", option: "--dims") == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        #expect(try OptionValue.positiveIntegers("4,8,...,20", option: "--dims") == [4, 8, 12, 16, 20])
        #expect(try OptionValue.positiveIntegers("1,2,...,5", option: "--dims") == [1, 2, 3, 4, 5])
        for bad in ["1,2,4,...,500", "1,...,4", "1,3,4,...,9", "1,2,...", "...,4"] {
            #expect(throws: QKVerifyError.self, "\(bad)") { try OptionValue.positiveIntegers(bad, option: "--dims") }
        }
    }
}
