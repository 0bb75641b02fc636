import Foundation
import Testing

/// docs/HANDOUT.md: every exercise command, run with the built executable, says what the handout
/// says it says (the verdict word and the exit status).
@Suite struct HandoutTests {
    /// One command of the handout and what it should give.
    struct Exercise: Equatable, CustomStringConvertible {
        /// The command line, starting `qkverify `.
        let command: String
        /// The verdict word the handout expects (`NOT REJECTED`, `REJECTED`, `CONFIRMED`, ...).
        let verdict: String
        /// The exit status the handout expects.
        let status: Int32

        var description: String { command }
    }

    /// The verdict words `check` starts a line with.
    static let verdicts = ["NOT REJECTED", "REJECTED", "CONFIRMED", "UNDECIDED", "UNTESTED"]

    /// The handout's exercises: each fenced `sh` block holds one `qkverify` command, and the next
    /// non-empty line reads ``Expected: `VERDICT`, exit status N.``
    ///
    /// - Throws: a message naming the line where a command has no such Expected line, or a block is not one command.
    static func exercises(in markdown: String) throws -> [Exercise] {
        struct Malformed: Error, CustomStringConvertible { let description: String }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var exercises: [Exercise] = [], i = 0
        while i < lines.count {
            guard lines[i] == "```sh" else { i += 1; continue }
            let start = i + 1
            var j = start
            while j < lines.count, lines[j] != "```" { j += 1 }
            let block = lines[start ..< min(j, lines.count)]
            guard block.count == 1, let command = block.first, command.hasPrefix("qkverify ") else {
                throw Malformed(description: "line \(start): a sh block must hold one qkverify command")
            }
            var k = j + 1
            while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
            let expected = k < lines.count ? lines[k] : ""
            guard expected.hasPrefix("Expected: `"),
                  let verdict = expected.dropFirst("Expected: `".count).split(separator: "`").first.map(String.init),
                  verdicts.contains(verdict),
                  let statusText = expected.range(of: #"exit status (\d+)"#, options: .regularExpression).map({ expected[$0].split(separator: " ").last! }),
                  let status = Int32(statusText) else {
                throw Malformed(description: "line \(k + 1): after the command on line \(start + 1), expected a line 'Expected: `VERDICT`, exit status N.', found '\(expected)'")
            }
            exercises.append(Exercise(command: command, verdict: verdict, status: status))
            i = k + 1
        }
        return exercises
    }

    /// The verdict words at the start of the lines of `check`'s output.
    static func verdicts(in output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in verdicts.first { line.hasPrefix($0 + " ") } }
    }

    static var handout: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/HANDOUT.md")
    }

    /// The parser reads the marked-up exercises and refuses a command without its expectation, so a
    /// handout edit cannot silently drop a command from the test.
    @Test func theParserReadsExpectationsAndRefusesMissingOnes() throws {
        let good = "Text.\n\n```sh\nqkverify check --var 'd'\n```\n\nExpected: `NOT REJECTED`, exit status 0.\n\n```sh\nqkverify check --var d^2\n```\nExpected: `REJECTED`, exit status 1.\n"
        #expect(try Self.exercises(in: good) == [Exercise(command: "qkverify check --var 'd'", verdict: "NOT REJECTED", status: 0),
                                                 Exercise(command: "qkverify check --var d^2", verdict: "REJECTED", status: 1)])
        #expect(throws: (any Error).self) { try Self.exercises(in: "```sh\nqkverify check --var d\n```\n\nIt should pass.\n") }
        #expect(throws: (any Error).self) { try Self.exercises(in: "```sh\nqkverify check --var d\n```\nExpected: `PASSES`, exit status 0.\n") }
        #expect(throws: (any Error).self) { try Self.exercises(in: "```sh\nls\n```\nExpected: `REJECTED`, exit status 1.\n") }
        #expect(Self.verdicts(in: "claim d\nNOT REJECTED Var(T) = d: ...\nREJECTED     E[T] = 0: ...\n") == ["NOT REJECTED", "REJECTED"])
    }

    /// Every command of the handout gives the verdict and exit status written after it.
    @Test func everyExerciseSaysWhatTheHandoutSays() throws {
        let markdown = try String(contentsOf: Self.handout, encoding: .utf8)
        let exercises = try Self.exercises(in: markdown)
        #expect(markdown.components(separatedBy: "\n### Exercise ").count - 1 == 5, "the handout has five exercises")
        #expect(exercises.count >= 5, "every exercise has a command")
        #expect(Set(exercises.map(\.verdict)).isSuperset(of: ["NOT REJECTED", "REJECTED", "CONFIRMED"]))
        for exercise in exercises {
            let r = try CLI.shell("\"$QK\"" + exercise.command.dropFirst("qkverify".count))
            #expect(r.status == exercise.status, "\(exercise.command): exit status \(r.status), the handout says \(exercise.status)\n\(r.stderr)")
            #expect(Self.verdicts(in: r.stdout) == [exercise.verdict], "\(exercise.command): says \(Self.verdicts(in: r.stdout)), the handout says \(exercise.verdict)\n\(r.stdout)")
        }
    }
}
