import Foundation

extension String {
    /// The text split where `word` stands alone (not inside a name: `and` in `mu = 0 and d > 1`, not
    /// in `random`), at most `maxSplits` times; the pieces are trimmed of spaces.
    func split(onWord word: String, maxSplits: Int = .max) -> [String] {
        let characters = Array(self), target = Array(word)
        func isNamePart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "\\" }
        var pieces: [String] = [], start = 0, i = 0
        while i + target.count <= characters.count, pieces.count < maxSplits {
            let before = i == 0 ? nil : characters[i - 1], after = i + target.count < characters.count ? characters[i + target.count] : nil
            if Array(characters[i..<(i + target.count)]) == target, !(before.map(isNamePart) ?? false), !(after.map(isNamePart) ?? false) {
                pieces.append(String(characters[start..<i]))
                i += target.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(characters[start...]))
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
