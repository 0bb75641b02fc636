import Foundation
import QKSupport

extension Figures {
    /// Draws figures in `directory` with gnuplot: each as SVG, PNG and PDF, with its gnuplot script
    /// kept beside the data it reads (`variance.gp`), so a user can restyle it (`gnuplot variance.gp`
    /// in the directory redraws the SVG). `option` names the directory in errors.
    ///
    /// - Returns: the figures drawn; empty when gnuplot is not installed.
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when gnuplot fails on a script.
    static func draw(in directory: String, _ figures: [Figure], option: String) throws -> [Figure] {
        guard let gnuplot = Figures.gnuplotPath else { return [] }
        for figure in figures {
            let stem = String(figure.file.dropLast(4))
            for output in Output.allCases {
                try run(gnuplot, in: directory, script: output.script(figure, to: ".\(stem).\(output.suffix).tmp"),
                        target: "\(stem).\(output.suffix)")
            }
            try OutputFile(path: (directory as NSString).appendingPathComponent("\(stem).gp"), option: option).write(figure.script)
        }
        return figures
    }

    /// Runs one script that draws to `.TARGET.tmp`, then renames it: a figure is whole or absent.
    static func run(_ gnuplot: String, in directory: String, script: String, target name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let target = (directory as NSString).appendingPathComponent(name)
        let drawn = (directory as NSString).appendingPathComponent(".\(name).tmp")
        if process.terminationStatus == 0, name.hasSuffix(".pdf") { fixCreationDate(drawn) }
        if process.terminationStatus == 0, name.hasSuffix(".svg") { keepSpaces(drawn) }
        guard process.terminationStatus == 0, rename(drawn, target) == 0 else {
            unlink(drawn)
            throw QKVerifyError.io(path: target, reason: "gnuplot failed: \(message.split(separator: "\n").last ?? "")")
        }
    }

    /// Replaces a PDF's `/CreationDate (D:YYYYMMDDHHMMSS...)` digits with the epoch's, in place and
    /// at the same length (so the cross-reference offsets still hold): the same run, the same bytes.
    static func fixCreationDate(_ path: String) {
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else { return }
        let key = Array("/CreationDate (D:".utf8)
        guard let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) }) else { return }
        let epoch = Array("19700101000000".utf8)
        var i = start + key.count
        for digit in epoch where i < bytes.count && (48...57).contains(bytes[i]) {
            bytes[i] = digit
            i += 1
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// Marks every text of an SVG `xml:space="preserve"`, in place.
    ///
    /// gnuplot writes enhanced text as runs, `<text><tspan>dimension </tspan><tspan
    /// font-style="italic">d</tspan></text>`; browsers keep the space at the seam, but librsvg and
    /// Inkscape strip it (and a no-break space too): "dimensiond". Preserved, every renderer keeps it.
    static func keepSpaces(_ path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        FileManager.default.createFile(atPath: path, contents: Data(text.replacingOccurrences(of: "<text>", with: "<text xml:space=\"preserve\">").utf8))
    }

    /// Where gnuplot is, or nil.
    static var gnuplotPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/gnuplot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
