import Foundation
import Testing
@testable import QKVerify

@Suite struct ReportingTests {
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

    @Test func csvIsRFC4180Bytes() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["1", "x,y"])
        table.append(["say \"hi\"", "line\nbreak"])
        let expected = "a,b\r\n1,\"x,y\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n"
        #expect(table.bytes == Array(expected.utf8))
    }

    @Test func outputFileIsWrittenWholeAndLeavesNoTemporary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/t.csv").path
        let file = try OutputFile(path: path, option: "--out")
        try file.write("old")
        try file.write("new")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["t.csv"])
    }

    @Test func unwritableOutputsAreRefusedUpFront() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-bad-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: QKVerifyError.invalidOption("--out", "'\(dir.path)' is a directory; allowed: a file path")) {
            try OutputFile(path: dir.path, option: "--out")
        }
        let plain = dir.appendingPathComponent("plain")
        try "x".write(to: plain, atomically: true, encoding: .utf8)
        #expect(throws: QKVerifyError.self) { try OutputFile(path: plain.path + "/t.csv", option: "--out") }
    }
}
