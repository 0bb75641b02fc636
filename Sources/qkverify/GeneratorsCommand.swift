import ArgumentParser
import QKSupport
import QKGSL

/// `qkverify generators`: list the GSL generator names `--rng` accepts.
struct GeneratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generators",
        abstract: "List the GSL generators that --rng accepts (the default is mt19937).",
        discussion: "Generators that fail qkverify's own checks (weak LCGs, too few bits, true claims failing at 10^7 samples, seeds mapped to one stream) are refused; --refused lists them with the reason.\n\nExamples:\n  qkverify generators\n  qkverify generators --refused")

    @Flag(help: "List the refused generators, each with the reason, instead.")
    var refused = false

    func run() throws {
        let lines = refused
            ? GeneratorType.allNames.compactMap { name in GeneratorType.refused[name].map { "\(name): \($0)\n" } }
            : GeneratorType.acceptedNames.map { $0 + "\n" }
        try StandardStreams.output(lines.joined())
    }
}
