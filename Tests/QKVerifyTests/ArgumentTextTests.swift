import Foundation
import Testing
@testable import qkverify
@testable import QKEngine

/// ``ArgumentText``: the value syntax a user types, as the README writes it, parsed where
/// ArgumentParser reads the option; refusals come out as one line naming the option.
@Suite struct ArgumentTextTests {
    @Test func dimsAcceptTheEllipsisTheReadmeWrites() throws {
        #expect(try ArgumentText.positiveIntegers("1,2,4,...,512") == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        #expect(try ArgumentText.positiveIntegers("4,8,...,20") == [4, 8, 12, 16, 20])
        #expect(try ArgumentText.positiveIntegers("1,2,...,5") == [1, 2, 3, 4, 5])
        for bad in ["1,2,4,...,500", "1,...,4", "1,3,4,...,9", "1,2,...", "...,4"] {
            #expect(throws: ArgumentText.Invalid.self, "\(bad)") { try ArgumentText.positiveIntegers(bad) }
        }
    }

    /// The options are typed: a command parsed from text holds domain values, not strings.
    @Test func optionsParseIntoDomainValues() throws {
        let command = try MomentsCommand.parse(["--dims", "1,2,...,4", "--law", "uniform,t:5", "--norm", "unit", "--samples", "2e4",
                                                "--seed", "7", "--rng", "ranlxd2", "--threads", "3", "--shard", "2/4", "--checkpoint-every", "5"])
        #expect(command.grid.dims.values == [1, 2, 3, 4])
        #expect(command.grid.law == [.uniform, .studentT(5)] && command.grid.norm == [.unit] && command.grid.samples == 20_000)
        #expect(command.grid.stream.seed == 7 && command.grid.stream.rng?.name == "ranlxd2" && command.options.threads == 3)
        #expect(command.shard == BlockSelection(shard: 1, of: 4) && command.checkpointEvery == 5)
        #expect(try MomentsCommand.parse([]).grid.dims.values == DimensionsOption.standard)
    }

    /// ArgumentParser's wording of a refused value is said as the tool says every refusal.
    @Test func refusalsNameTheOptionInOneLine() {
        #expect(QKVerifyCommand.concise("The value '0' is invalid for '--dims <list>': '0' is not allowed; allowed: positive integers")
                == "--dims: '0' is not allowed; allowed: positive integers")
        #expect(QKVerifyCommand.concise("The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'csv' or 'json'.")
                == "--format: 'xml' is not allowed; allowed: 'text', 'csv' or 'json'")
        #expect(QKVerifyCommand.concise("Missing expected argument '--x'") == "Missing expected argument '--x'")
    }
}
