import Foundation
import Testing
@testable import QKSupport

/// ``OutputFile``: what may be written, and how: whole or not at all, never a device replaced, a link kept.
@Suite struct OutputFileTests {
    @Test func aDeviceIsWrittenToAndNeverReplaced() throws {
        #expect(CLI.fileType("/dev/null") == S_IFCHR)
        let null = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "/dev/null"])
        #expect(null.status == 0 && CLI.fileType("/dev/null") == S_IFCHR)
        let full = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "/dev/full"])
        #expect(full.status == 74 && full.stderr == "qkverify: error: --out: /dev/full: No space left on device\n", "\(full.stderr)")
        #expect(CLI.fileType("/dev/full") == S_IFCHR)
    }

    @Test func aDashIsStandardOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "-"], in: dir)
        #expect(r.status == 0 && r.stdout.hasPrefix("d,mu,sigma,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aSymlinkIsFollowedAndStaysALink() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.csv").path, link = dir.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        #expect(try CLI.run(["moments"] + CLI.tinyGrid + ["--out", link]).status == 0)
        #expect(CLI.fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("d,mu,sigma,"))
        // A dangling link: its target is created.
        let dangling = dir.appendingPathComponent("dangling.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "new.csv")
        #expect(try CLI.run(["moments"] + CLI.tinyGrid + ["--out", dangling]).status == 0)
        #expect(CLI.fileType(dangling) == S_IFLNK && CLI.fileType(dir.appendingPathComponent("new.csv").path) == S_IFREG)
    }

    @Test func aPathEndingInSlashIsRefusedBeforeAnySampling() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments", "--dims", "1", "--samples", "1e9", "--out", "newdir/"], in: dir)
        #expect(r.status == 64 && r.stderr.contains("--out: 'newdir/' ends in '/'"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let ckpt = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "m.csv", "--checkpoint", "-"], in: dir)
        #expect(ckpt.status == 64 && ckpt.stderr.contains("--checkpoint"))
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
