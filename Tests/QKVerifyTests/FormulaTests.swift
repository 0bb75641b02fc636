import Foundation
import PropertyBased
import Testing
@testable import QKModel
@testable import QKClaims

/// ``Formula`` and its parser: the grammar, errors that point at the fault, limits, and round trips.
@Suite struct FormulaTests {
    let cell = Cell(d: 4, mu: 0.5, sigma: 2)

    func value(_ text: String) throws -> Double { try Formula(parsing: text).evaluate(cell) }

    @Test func everyGrammarRule() throws {
        #expect(try value("2.5") == 2.5)              // number
        #expect(try value(".5") == 0.5)
        #expect(try value("1e-3") == 0.001)
        #expect(try value("2E+2") == 200)
        #expect(try value("d") == 4)                  // variables
        #expect(try value("mu") == 0.5)
        #expect(try value("sigma") == 2)
        #expect(try value("d + mu - sigma") == 2.5)   // expr
        #expect(try value("d * mu / sigma") == 1)     // term
        #expect(try value("-d") == -4)                // unary
        #expect(try value("--d") == 4)
        #expect(try value("d^2") == 16)               // power
        #expect(try value("(d + 1) * 2") == 10)       // parentheses
        #expect(try value("sqrt(d)") == 2)            // functions
        #expect(try value("exp(0)") == 1)
        #expect(try value("log(exp(3))") == 3)
        #expect(try value("abs(-d)") == 4)
        #expect(try value("  d *  mu ") == 2)         // spaces anywhere between tokens
        #expect(try value("d*(sigma^4 + 2*mu^2*sigma^2)") == 4 * (16 + 2 * 0.25 * 4))
    }

    @Test func precedenceAndAssociativity() throws {
        #expect(try value("2 + 3 * 4") == 14)
        #expect(try value("2 * 3 ^ 2") == 18)
        #expect(try value("2 ^ 3 ^ 2") == 512)        // right-associative: 2^(3^2)
        #expect(try value("(2 ^ 3) ^ 2") == 64)
        #expect(try value("-2 ^ 2") == -4)            // -(2^2)
        #expect(try value("2 ^ -1") == 0.5)           // a unary minus in the exponent
        #expect(try value("8 / 4 / 2") == 1)          // left-associative
        #expect(try value("8 - 4 - 2") == 2)
        #expect(try value("-d * 2") == -8)
    }

    @Test func undefinedValuesAreNotFinite() throws {
        #expect(try value("log(0)") == -.infinity)
        #expect(try value("sqrt(-1)").isNaN)
        #expect(try value("1 / (d - 4)").isInfinite)
    }

    @Test func printsAndReparsesToTheSameValue() throws {
        for text in ["2 ^ 3 ^ 2", "-d^2", "d*(sigma^4 + 2*mu^2*sigma^2)", "sqrt(d)/-mu", "1e-3 - -2"] {
            let e = try Formula(parsing: text)
            #expect(try Formula(parsing: e.description) == e, "\(text) printed as \(e)")
        }
    }

    /// Each error names the fault and puts the caret under it.
    @Test(arguments: [
        ("", 0, "the formula is empty"),
        ("d*sgima^2", 2, "unknown name 'sgima'; allowed: variables d, mu, sigma, mu_q, mu_k, sigma_q, sigma_k, rho, kurt_q, kurt_k, pi, N, tau, sigma_v; functions sqrt, exp, log, abs"),
        ("d +", 3, "the formula ends too soon; expected a number, a name or '('"),
        ("(d + 1", 0, "this '(' is never closed"),
        ("sqrt(d", 4, "this '(' is never closed"),
        ("d + 1)", 5, "unmatched ')'"),
        ("d 2", 2, "ambiguous: a number right after a factor; write d*2 or d^2"),
        ("1/2d", 3, "ambiguous: write 1/(2*d) or (1/2)*d"),
        ("sqrt d", 0, "'sqrt' is a function; write sqrt(...)"),
        ("sigma2", 0, "'sigma2' is not a variable; did you mean sigma^2 or sigma*2?"),
        ("d # 2", 2, "unexpected character '#'"),
        ("1.2.3", 0, "'1.2.3' is not a number"),
        ("4e725", 0, "'4e725' is too large for a double"),
        ("* d", 0, "expected a number, a name or '(' before '*'"),
        ("()", 1, "expected a number, a name or '(' before ')'"),
    ])
    func errorsPointAtTheFault(text: String, position: Int, reason: String) {
        do {
            _ = try Formula(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch let error as FormulaError {
            #expect(error.position == position, "\(text): \(error)")
            #expect(error.reason.hasPrefix(reason), "\(text): \(error.reason)")
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3 && lines[1] == "    " + text[...])
            #expect(lines[2] == Substring(String(repeating: " ", count: 4 + position) + "^"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        String(repeating: "(", count: 20000) + "d" + String(repeating: ")", count: 20000),
        String(repeating: "sqrt(", count: 15000) + "d" + String(repeating: ")", count: 15000),
        String(repeating: "-", count: 100000) + "d",
        String(repeating: "d^", count: 60000) + "d",
        String(repeating: "d+", count: 60000) + "d",
        String(repeating: "(", count: 101) + "d" + String(repeating: ")", count: 101),
    ])
    func deepOrLongFormulasAreRefusedNotCrashed(formula: String) throws {
        // `--var=F`: ArgumentParser itself refuses a separate argument that starts with '---'.
        let r = try CLI.run(["check", "--var=" + formula, "--dims", "1", "--samples", "1e4"])
        #expect(r.status == 64, "\(r.stderr.prefix(200))")
        #expect(r.stderr.contains("nested more than 100 deep") || r.stderr.contains("characters long; allowed: at most 1000"))
        #expect(r.stderr.split(separator: "\n").count <= 3)  // the message, the formula (cut) and a caret
    }

    /// Printing adds no nesting the input did not have: a long chain of minus signs (found by the
    /// fuzzer) and a long sum both print within the parser's limits and parse back.
    @Test(arguments: ["d*(sigma^4 + " + String(repeating: "-", count: 81) + "2*mu^2+sigma^2)",
                      Array(repeating: "d", count: 200).joined(separator: "+"),
                      String(repeating: "(", count: 98) + "-d" + String(repeating: ")", count: 98) + "^2"])
    func printingNestsNoDeeperThanTheInput(text: String) throws {
        let formula = try Formula(parsing: text)
        #expect(try Formula(parsing: formula.description) == formula, "\(formula)")
    }

    @Test func printingUsesOnlyTheParenthesesTheGrammarNeeds() throws {
        for (text, printed) in [("d*(sigma^4 + 2*mu^2*sigma^2)", "d*(sigma^4 + 2*mu^2*sigma^2)"), ("((d))", "d"),
                                ("2^3^2", "2^3^2"), ("(2^3)^2", "(2^3)^2"), ("-d^2", "-d^2"), ("(-d)^2", "(-d)^2"),
                                ("d - (mu - 1)", "d - (mu - 1)"), ("(d - mu) - 1", "d - mu - 1"), ("d/(mu*2)", "d/(mu*2)"),
                                ("sqrt(d)/-mu", "sqrt(d)/-mu"), ("--d", "--d")] {
            #expect(try Formula(parsing: text).description == printed, "\(text)")
        }
    }

    @Test func aFormulaNestedOneHundredDeepIsAccepted() throws {
        let formula = String(repeating: "(", count: 99) + "d" + String(repeating: ")", count: 99)
        #expect(try Formula(parsing: formula) == .variable(.d))
    }

    @Test func formulasPrintAndReparseToTheSameValue() async {
        let cells = [Cell(d: 1, mu: 0, sigma: 1), Cell(d: 7, mu: -0.5, sigma: 2), Cell(d: 512, mu: 3, sigma: 0.25)]
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var r = TestRandom(state: UInt64(seed))
            let e = Self.formula(&r, depth: 5)
            let reparsed = try? Formula(parsing: e.description)
            #expect(reparsed == e, "\(e)")
            for cell in cells {
                let a = e.evaluate(cell), b = reparsed?.evaluate(cell) ?? .nan
                #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN))
            }
        }
    }

    /// A random formula tree of bounded depth.
    static func formula(_ r: inout TestRandom, depth: Int) -> Formula {
        let pick = depth == 0 ? r.next() % 2 : r.next() % 5
        switch pick {
        case 0:
            let values = [0, 1, 2, 0.5, 1e-3, 6, 1.5e10, 123.456]
            return .number(values[Int(r.next() % UInt64(values.count))])
        case 1: return .variable(Formula.Variable.allCases[Int(r.next() % 3)])
        case 2: return .negate(formula(&r, depth: depth - 1))
        case 3: return .call(Formula.Function.allCases[Int(r.next() % 4)], formula(&r, depth: depth - 1))
        default:
            let ops: [Formula.BinaryOperator] = [.add, .subtract, .multiply, .divide, .power]
            return .binary(ops[Int(r.next() % 5)], formula(&r, depth: depth - 1), formula(&r, depth: depth - 1))
        }
    }
}
