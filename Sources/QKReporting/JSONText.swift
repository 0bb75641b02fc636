import QKSupport
/// Minimal, deterministic JSON writing: keys in the order given, numbers as shortest round-trip text,
/// non-finite numbers as null.
enum JSONText {
    /// A JSON value.
    package indirect enum Value: Sendable, Hashable {
        case string(String), number(Double), integer(Int), unsigned(UInt64), bool(Bool), null
        case array([Value])
        case object([(String, Value)])

        package static func == (a: Value, b: Value) -> Bool { a.text == b.text }
        package func hash(into hasher: inout Hasher) { hasher.combine(text) }

        /// The JSON text, pretty-printed with two-space indents.
        package var text: String { render(indent: "") }

        private func render(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case let .string(s): return JSONText.quote(s)
            case let .number(x): return x.isFinite ? NumberText.format(x) : "null"
            case let .integer(i): return String(i)
            case let .unsigned(u): return String(u)
            case let .bool(b): return b ? "true" : "false"
            case .null: return "null"
            case let .array(items):
                if items.isEmpty { return "[]" }
                return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
            case let .object(pairs):
                if pairs.isEmpty { return "{}" }
                return "{\n" + pairs.map { inner + JSONText.quote($0.0) + ": " + $0.1.render(indent: inner) }
                    .joined(separator: ",\n") + "\n\(indent)}"
            }
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
