import Foundation

/// An SVG file made fit to sit inline in an HTML page beside others.
///
/// The XML prolog, doctype and comments before `<svg` go, and any `<script>`; every `id` gets a
/// prefix of its own, with each reference to it (`href="#id"`, `xlink:href='#id'`, `url(#id)`),
/// so that two figures' definitions (gnuplot's point shapes, cairo's glyphs) cannot capture each
/// other's references; the `<svg>` element gets `role="img"`, a label, and a `viewBox` from its
/// size where it has none, so CSS can scale it to the page.
enum HTMLFigure {
    /// The inline markup of an SVG document, its ids prefixed with `prefix`, labelled `label`;
    /// nil where the text has no `<svg` element.
    static func inline(svg text: String, prefix: String, label: String) -> String? {
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</svg>", options: .backwards),
              start.lowerBound < end.lowerBound else { return nil }
        var svg = String(text[start.lowerBound ..< end.upperBound])
        svg = removingScripts(svg)
        svg = prefixingIDs(svg, prefix: prefix)
        // The opening tag: add what the page needs.
        guard let tagEnd = svg.firstIndex(of: ">") else { return nil }
        let tag = String(svg[svg.startIndex ..< tagEnd])
        var extra = " role=\"img\" aria-label=\"\(HTMLText.escape(label))\""
        if !tag.contains("viewBox"), let width = number(attribute: "width", in: tag), let height = number(attribute: "height", in: tag) {
            extra += " viewBox=\"0 0 \(width) \(height)\""
        }
        svg.insert(contentsOf: extra, at: svg.index(svg.startIndex, offsetBy: 4))
        return svg
    }

    /// The SVG without `<script ...>...</script>` elements: the page is script-free.
    static func removingScripts(_ svg: String) -> String {
        var out = svg
        while let open = out.range(of: "<script"), let close = out.range(of: "</script>", range: open.upperBound ..< out.endIndex) {
            out.removeSubrange(open.lowerBound ..< close.upperBound)
        }
        return out
    }

    /// The SVG with each id, and each reference to one, prefixed with `prefix-`.
    static func prefixingIDs(_ svg: String, prefix: String) -> String {
        var ids = Set<String>()
        for quote in ["\"", "'"] {
            var rest = svg[...]
            while let r = rest.range(of: " id=\(quote)") ?? rest.range(of: "\tid=\(quote)") ?? rest.range(of: "\nid=\(quote)") {
                guard let close = rest[r.upperBound...].firstIndex(of: Character(quote)) else { break }
                ids.insert(String(rest[r.upperBound ..< close]))
                rest = rest[close...]
            }
        }
        guard !ids.isEmpty else { return svg }
        var out = ""
        out.reserveCapacity(svg.utf8.count + 16 * ids.count)
        var rest = svg[...]
        // Each id attribute and each reference: `id="X"`, `"#X"`, `'#X'`, `url(#X)`. The next match of
        // each opener is kept and searched for again only once passed, so the scan stays linear.
        let openers = ["id=\"", "id='", "\"#", "'#", "url(#"]
        var next = openers.map { svg.range(of: $0) }
        while let k = next.indices.filter({ next[$0] != nil }).min(by: { next[$0]!.lowerBound < next[$1]!.lowerBound }) {
            let opener = openers[k], r = next[k]!
            out += svg[rest.startIndex ..< r.upperBound]
            rest = svg[r.upperBound...]
            let terminator: Character = opener.hasSuffix("(#") ? ")" : opener.contains("\"") ? "\"" : "'"
            if let close = rest.firstIndex(of: terminator), ids.contains(String(rest[..<close])),
               opener.hasPrefix("id=") ? r.lowerBound == svg.startIndex || svg[svg.index(before: r.lowerBound)].isWhitespace : true {
                out += "\(prefix)-"
            }
            for j in next.indices where next[j].map({ $0.lowerBound < rest.startIndex }) ?? false {
                next[j] = rest.range(of: openers[j])
            }
        }
        out += rest
        return out
    }

    /// The number at the start of an attribute's value (`760pt` gives 760), if any.
    private static func number(attribute: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            guard let r = tag.range(of: " \(attribute)=\(quote)") ?? tag.range(of: "\n\(attribute)=\(quote)") else { continue }
            let value = tag[r.upperBound...].prefix { $0.isNumber || $0 == "." }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }
}
