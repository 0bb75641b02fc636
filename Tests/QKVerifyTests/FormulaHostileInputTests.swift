import Foundation
import PropertyBased
import Testing
@testable import QKClaims

/// No input crashes the parser or passes its nesting limit, and every refusal is a one-line reason
/// with a caret: deep nesting in every notation, long inputs, stray backslashes and braces, unknown
/// commands, and characters that do not show.
@Suite struct FormulaHostileInputTests {
    /// Parses `text` and checks what any answer must be: a formula whose ASCII print reads back to it
    /// (within the length limit) and whose LaTeX reads back or is refused for its depth or length, or
    /// an error whose reason is one line and whose caret is within the formula shown.
    @discardableResult
    static func expectAnswered(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> FormulaError? {
        do {
            let formula = try Formula(parsing: text)
            if formula.description.count <= Formula.maxLength {
                #expect((try? Formula(parsing: formula.description)) == formula, "\(formula)", sourceLocation: sourceLocation)
            }
            do {
                _ = try Formula(parsing: formula.latex)
            } catch let error as FormulaError {
                #expect(formula.latex.count > Formula.maxLength || error.reason.hasPrefix("nested more than"), "\(error)", sourceLocation: sourceLocation)
            }
            return nil
        } catch let error as FormulaError {
            let oneLine = !error.reason.contains { $0.isNewline }
            #expect(oneLine, "\(error.reason)", sourceLocation: sourceLocation)
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3, "\(error)", sourceLocation: sourceLocation)
            #expect(error.position >= 0 && error.position <= error.formula.count, "\(error)", sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func nested(_ open: String, _ count: Int, _ inner: String, _ close: String) -> String {
        String(repeating: open, count: count) + inner + String(repeating: close, count: count)
    }

    /// 101 levels of any construct are refused for their depth (where they fit in the length limit),
    /// and far more for their length, never by a crash.
    @Test(arguments: [
        nested("{", 101, "d", "}"), nested("[", 101, "d", "]"), nested("√", 101, "d", ""), nested("√(", 60, "d", ")"),
        nested("\\sqrt{", 101, "d", "}"), nested("|", 101, "d", "|"), nested("\\log ", 101, "d", ""), nested("\\exp{", 101, "d", "}"),
        nested("e^", 101, "d", ""), nested("d^{", 101, "d", "}"), nested("d**", 101, "d", ""), nested("-", 98, "d⁻¹", ""),
        nested("-", 99, "d²", ""), nested("(", 60, nested("√", 45, "d", ""), ")"), nested("−", 101, "d", ""),
        nested("\\sqrt[", 51, "2", "]{d}"), nested("{", 60, nested("\\left(", 45, "d", "\\right)"), "}"),
    ])
    func deepFormulasAreRefusedForTheirDepth(text: String) throws {
        #expect(text.count <= Formula.maxLength)
        let error = Self.expectAnswered(text)
        #expect(error?.reason.hasPrefix("nested more than 100 deep") == true, "\(error?.reason ?? "parsed")")
    }

    @Test(arguments: [
        nested("\\left(", 20000, "d", "\\right)"), nested("{", 20000, "d", "}"), nested("\\frac{", 5000, "d", "}{2}"),
        nested("√", 100000, "d", ""), String(repeating: "²", count: 100000), nested("\\left|", 3000, "d", "\\right|"),
        String(repeating: "\\", count: 50000), String(repeating: "d", count: 1001),
    ])
    func longFormulasAreRefusedForTheirLength(text: String) throws {
        let error = Self.expectAnswered(text)
        #expect(error?.reason.hasPrefix("the formula is \(text.count) characters long; allowed: at most 1000") == true)
    }

    /// Nesting up to the limit is accepted in each notation, and prints within it.
    @Test(arguments: [nested("{", 99, "d", "}"), nested("√", 99, "d", ""), nested("-", 98, "d²", ""), nested("-", 97, "d⁻¹", ""),
                      nested("\\log ", 99, "d", ""), nested("|", 99, "d", "|"), nested("\\frac{", 80, "d", "}{2}"),
                      nested("\\sqrt[", 33, "2", "]{d}"), nested("e^", 99, "d", ""), nested("(", 98, "e", ")")])
    func nestingToTheLimitIsAccepted(text: String) throws {
        _ = try Formula(parsing: text)
        #expect(Self.expectAnswered(text) == nil)
    }

    @Test(arguments: [
        "\\", "d\\", "\\\\", "\\ ", "d + \\", "\\left", "\\left\\", "\\left\\foo", "\\right", "\\right)", "\\frac", "\\frac{", "\\frac{d",
        "\\frac{d}{", "\\frac{d}{2", "\\sqrt[", "\\sqrt[2", "\\sqrt[2]", "\\mathrm", "\\mathrm{", "\\mathrm{}", "\\mathrm{kurt",
        "\\sigma_", "\\sigma_{", "\\sigma_{}", "sigma_{q", "mu_{", "{", "}", "{}", "{{}}", "d}", "}d{", "[", "]", "(]", "\\left(d",
        "d\\right)", "\\lvert d", "\\rvert", "\\lvert d\\right|", "|", "||", "|d", "$", "$$", "$$$", "$d", "d$", "$d$$", "_", "^",
        "**", "***", "d^^2", "⁻", "²", "√", "√√", "√-d", "e^", "e^{", "\\foo", "\\foo{d}", "\\{d\\}", "\\alpha", "\\tau^2",
        "\\sigma\\", "d\\,", "\\,", "\\quad", "10^{", "1 \\times 10^{", "1 \\times 10^{99999}", "1 \\times 10^{-99999}", "d⁻",
        "d" + String(repeating: "²", count: 400), "d^" + String(repeating: "9", count: 400), "1/", "/1", "d//2", "d**-", ".", "..",
        "1e", "1e+", "e1", "\\frac12345", "\\sqrt{", "\\sqrt{}", "\\frac{}{}", "\\left[d\\right)", "\\left|d|", "$ $", "\\exp", "\\log",
    ])
    func strayBackslashesBracesAndCommandsAreRefused(text: String) {
        Self.expectAnswered(text)
    }

    @Test(arguments: [
        "d\u{0301}", "\u{0301}d", "d\u{200B}", "\u{200B}", "\u{FEFF}d", "d\u{202E}+1", "😀", "d😀", "d*👨‍👩‍👧", "\u{0000}", "d\u{0007}",
        "σ\u{0302}", "２", "ｄ", "½", "ⅱ", "d\u{2028}mu", "d\r\nmu", "d\tmu", "𝑑", "∞", "−−d", "d\u{00A0}mu", "\u{1F1FA}\u{1F1F8}",
        "μ\u{0308}_q", "\\sigma_\u{0301}", "e\u{0301}^d", "10^{\u{200B}3}",
    ])
    func oddCharactersGetAnAnswer(text: String) {
        Self.expectAnswered(text)
    }

    @Test func hiddenCharactersAreNamedByCodePoint() throws {
        #expect(Self.expectAnswered("d\u{200B}")?.reason.hasPrefix("unexpected character U+200B;") == true)
        #expect(Self.expectAnswered("\u{0301}d")?.reason.hasPrefix("unexpected character U+0301;") == true)
        #expect(Self.expectAnswered("d+\u{0301}")?.reason.hasPrefix("unexpected character U+002B U+0301;") == true)
        #expect(Self.expectAnswered("d*😀")?.reason.hasPrefix("unexpected character '😀';") == true)
        #expect(try Formula(parsing: "d\r\nmu") == Formula(parsing: "d*mu"))
    }

    /// A formula over several lines is shown on one, so the caret stays under the fault.
    @Test func anErrorShowsAFormulaOfManyLinesOnOne() {
        let error = Self.expectAnswered("d +\n\t#")
        #expect(error?.description == "unexpected character '#'; allowed: numbers, d, mu, sigma, + - * / ^, parentheses, sqrt exp log abs, LaTeX (\\sigma, \\frac{a}{b}, \\sqrt{x}) and σ μ ρ π ² √ · ×\n    d +  #\n         ^")
    }

    /// Random runs of the notations' tokens, up to past the length limit, always get an answer.
    @Test func tokenSoupAlwaysGetsAnAnswer() async {
        let vocabulary = ["d", "mu", "sigma", "σ", "μ", "\\sigma", "\\mu", "_q", "_{k}", "2", "10", "0.5", "1e-3", "e", "+", "-", "−",
                          "*", "**", "/", "^", "^{", "²", "⁻¹", "·", "×", "\\cdot", "\\times", "(", ")", "[", "]", "{", "}", "\\left(",
                          "\\right)", "\\left|", "\\right|", "\\lvert", "\\rvert", "|", "\\frac", "\\sqrt", "\\sqrt[", "√", "\\exp", "\\log",
                          "\\ln", "sqrt(", "abs(", "exp(", " ", "\\,", "\\!", "$", "\\", "\\foo", "\u{200B}", "😀", "\u{0301}", "π", "kurt_"]
        await propertyCheck(count: 3000, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            let count = Int(r.next() % 400)
            let text = (0..<count).map { _ in vocabulary[Int(r.next() % UInt64(vocabulary.count))] }.joined()
            Self.expectAnswered(text)
        }
    }

    /// Every input kept from fuzzing gets an answer here too (FuzzRegressionTests replays them as the fuzzer does).
    @Test func fuzzInputsGetAnAnswer() throws {
        let directory = FuzzRegressionTests.directory
        for name in FuzzRegressionTests.inputs {
            let data = try Array(Data(contentsOf: directory.appendingPathComponent(name)))
            guard let selector = data.first, selector % 2 == 0 else { continue }
            Self.expectAnswered(String(decoding: data.dropFirst(), as: UTF8.self))
        }
    }
}
