import Testing
@testable import QKVerify

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
        ("d*sgima^2", 2, "unknown name 'sgima'; allowed: variables d, mu, sigma, mu_q, mu_k, sigma_q, sigma_k, rho, kurt_q, kurt_k, pi; functions sqrt, exp, log, abs"),
        ("d +", 3, "the formula ends too soon; expected a number, a name or '('"),
        ("(d + 1", 0, "this '(' is never closed"),
        ("sqrt(d", 4, "this '(' is never closed"),
        ("d + 1)", 5, "unmatched ')'"),
        ("d mu", 2, "expected an operator (+ - * / ^) or the end of the formula"),
        ("2d", 1, "expected an operator after the number 2 (write 2*d, not 2d)"),
        ("sqrt d", 0, "'sqrt' is a function; write sqrt(...)"),
        ("d(2)", 0, "'d' is a variable, not a function; write d*(...)"),
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
}
