extension FormulaLexer {
    /// The arguments TeX would give a command such as `\frac`, read from raw text: each is a braced
    /// group (`{12}`), a command (`\pi`) or else one character (`\frac12` has the arguments 1 and 2).
    ///
    /// For the message that refuses unbraced arguments by naming TeX's reading of them.
    ///
    /// - Returns: where the last argument ends and the arguments, or nil if the text ends first or a
    ///   brace is unbalanced.
    /// - Complexity: O(n) in the characters read.
    static func texArguments(in chars: [Character], from start: Int, count: Int) -> (end: Int, arguments: [String])? {
        var index = start, arguments: [String] = []
        while arguments.count < count {
            while index < chars.count && chars[index].isWhitespace { index += 1 }
            guard index < chars.count else { return nil }
            let first = index
            switch chars[index] {
            case "{":
                var depth = 0
                repeat {
                    if chars[index] == "{" { depth += 1 } else if chars[index] == "}" { depth -= 1 }
                    index += 1
                } while depth > 0 && index < chars.count
                guard depth == 0 else { return nil }
                arguments.append(String(chars[(first + 1)..<(index - 1)]))
            case "\\":
                index += 1
                while index < chars.count && chars[index].isASCII && chars[index].isLetter { index += 1 }
                if index == first + 1 && index < chars.count { index += 1 }
                arguments.append(String(chars[first..<index]))
            default:
                index += 1
                arguments.append(String(chars[first]))
            }
        }
        return (index, arguments)
    }
}
