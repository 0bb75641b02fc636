import Foundation
import Testing
@testable import QKClaims
@testable import QKReporting

/// REPORT.html: the report's Markdown converted exactly, its text escaped, its figures inline, its
/// formulas MathML, the same bytes for the same input. (scripts/test-html.sh opens it in a browser.)
@Suite struct HTMLReportTests {
    static let converter = HTMLMarkdown { source, _ in source == "f.svg" ? "<svg viewBox=\"0 0 1 1\"></svg>" : nil }

    /// Text from the data never reaches the page as markup: `<`, `&` and `"` are entities everywhere,
    /// in paragraphs, table cells, code spans, code blocks and link targets.
    @Test func textIsEscapedEverywhere() {
        let md = """
            # A <b>title</b> & more

            A paragraph with <script>alert(1)</script> & "quotes", `<code> & span`.

                <pre> & block

            | a | b |
            |---|--:|
            | <i> | x & y |

            [link <x>](a.html?x="1"&y=2)
            """
        let html = Self.converter.html(md)
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<pre> &") && !html.contains("<x>"))
        #expect(html.contains("<h1>A &lt;b&gt;title&lt;/b&gt; &amp; more</h1>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("<code>&lt;code&gt; &amp; span</code>"))
        #expect(html.contains("<pre><code>&lt;pre&gt; &amp; block</code></pre>"))
        #expect(html.contains("<td>&lt;i&gt;</td><td class=\"r\">x &amp; y</td>") && !html.contains("<i>"))
        #expect(html.contains("<a href=\"a.html?x=&quot;1&quot;&amp;y=2\">link &lt;x&gt;</a>"))
    }

    /// Pipe tables keep their alignment and sit in a wrapper that scrolls sideways; `\\|` is a pipe in a cell.
    @Test func tablesAreWrappedAndAligned() {
        let html = Self.converter.html("| d | claim | verdict |\n|---:|:---:|---|\n| 4 | `a\\|b` | pass |\n")
        #expect(html == """
            <div class="table-wrap"><table>
            <thead>
            <tr><th class="r"><math><mi>d</mi></math></th><th class="c">claim</th><th>verdict</th></tr>
            </thead>
            <tbody>
            <tr><td class="r">4</td><td class="c"><code>a|b</code></td><td>pass</td></tr>
            </tbody>
            </table></div>

            """)
    }

    /// Emphasis needs a boundary: `d*mu^2*sigma` is a formula, not emphasis; a bold claim label is MathML.
    @Test func emphasisAndClaims() {
        let html = Self.converter.html("- **E[T] = d*mu^2**: not rejected; *note* that 2*mu^2*sigma^2 is no emphasis.\n- **plain** text\n")
        #expect(html.contains("<li><strong><math><mrow><mi>E</mi><mrow><mo stretchy=\"false\">[</mo><mi>T</mi><mo stretchy=\"false\">]</mo></mrow></mrow><mo>=</mo><mrow><mi>d</mi><mo>&#x2062;</mo><msup><mi>μ</mi><mn>2</mn></msup></mrow></math></strong>: not rejected; <em>note</em> that "))
        #expect(!html.contains("<em>mu"))
        #expect(html.contains("<li><strong>plain</strong> text</li>"))
    }

    /// The headline formulas typeset from their trees (a formula keeps the characters attached to it on its line): E[T] = d mu^2, Var(T) = d (sigma^4 + 2 mu^2 sigma^2), Var(T/sqrt d).
    @Test func headlineFormulasAreMathML() throws {
        let variance = try Formula(parsing: "d*(sigma^4 + 2*mu^2*sigma^2)")
        #expect(HTMLMath.math(variance) == "<math><mrow><mi>d</mi><mo>&#x2062;</mo><mrow><mo stretchy=\"false\">(</mo><mrow><msup><mi>σ</mi><mn>4</mn></msup><mo>+</mo><mrow><mrow><mn>2</mn><mo>&#x2062;</mo><msup><mi>μ</mi><mn>2</mn></msup></mrow><mo>&#x2062;</mo><msup><mi>σ</mi><mn>2</mn></msup></mrow></mrow><mo stretchy=\"false\">)</mo></mrow></mrow></math>")
        #expect(HTMLMath.claim("Var(T) = d*(sigma^4 + 2*mu^2*sigma^2)")?.hasPrefix("<math><mrow><mi>Var</mi><mo>&#x2061;</mo>") == true)
        #expect(HTMLMath.claim("s = sqrt(d)") == "<math><mi>s</mi><mo>=</mo><msqrt><mi>d</mi></msqrt></math>")
        #expect(HTMLMath.claim("E[H(a)] ~ log(N) - d/(2*tau^2)")?.contains("<mo>&#x223C;</mo>") == true)
        #expect(HTMLMath.claim("Var(T) = not a formula") == nil)
        #expect(HTMLMath.claim("mystery(T) = d") == nil)
        // The prose's ASCII math: a run that parses is one <math>; the rest stays text.
        #expect(HTMLMath.prose("Var(q^T k / sqrt(d)) = sigma^2 (sigma^2 + 2 mu^2) does not depend on d")
            == "<span class=\"nw\">Var(<math><mrow><msup><mi>q</mi><mi>T</mi></msup><mi>k</mi></mrow></math></span> / <span class=\"nw\"><math><msqrt><mi>d</mi></msqrt></math>)</span> = <math><mrow><msup><mi>σ</mi><mn>2</mn></msup><mo>&#x2062;</mo><mrow><mo stretchy=\"false\">(</mo><mrow><msup><mi>σ</mi><mn>2</mn></msup><mo>+</mo><mrow><mn>2</mn><mo>&#x2062;</mo><msup><mi>μ</mi><mn>2</mn></msup></mrow></mrow><mo stretchy=\"false\">)</mo></mrow></mrow></math> does not depend on <math><mi>d</mi></math>")
        #expect(HTMLMath.prose("at mu=0 and sigma=1, (mu, sigma), sigma_v^2, d-th, 3d, e.g. x & y")
            == "at <span class=\"nw\"><math><mi>μ</mi></math>=0</span> and <span class=\"nw\"><math><mi>σ</mi></math>=1,</span> <span class=\"nw\">(<math><mi>μ</mi></math>,</span> <span class=\"nw\"><math><mi>σ</mi></math>),</span> sigma_v^2, d-th, 3d, e.g. x &amp; y")
        // Division in running text is inline: a fraction there is too small to read.
        #expect(HTMLMath.prose("about 1/sqrt(d)") == "about <math><mrow><mn>1</mn><mo>/</mo><msqrt><mi>d</mi></msqrt></mrow></math>")
        #expect(HTMLMath.prose("a small 1e-3, a muP scale") == "a small 1e-3, a muP scale")
        #expect(HTMLMath.prose("the Jacobian's norm, the seed's d") == "the Jacobian's norm, the seed's <math><mi>d</mi></math>")
        #expect(HTMLMath.prose("logits q^T k_j / tau") == "logits <math><mrow><msup><mi>q</mi><mi>T</mi></msup><msub><mi>k</mi><mi>j</mi></msub></mrow></math> / <math><mi>τ</mi></math>")
    }

    /// Numbers in formulas: decimals, powers of ten, negative values in parentheses.
    @Test func numbersInMathML() {
        #expect(HTMLMath.math(.number(0.5)) == "<math><mn>0.5</mn></math>")
        #expect(HTMLMath.math(.number(1e-7)) == "<math><msup><mn>10</mn><mrow><mo>&#x2212;</mo><mn>7</mn></mrow></msup></math>")
        #expect(HTMLMath.math(.number(1.5e-7)) == "<math><mrow><mn>1.5</mn><mo>&#x00D7;</mo><msup><mn>10</mn><mrow><mo>&#x2212;</mo><mn>7</mn></mrow></msup></mrow></math>")
        #expect(HTMLMath.math(.binary(.multiply, .variable(.d), .number(2))) == "<math><mrow><mi>d</mi><mo>&#x22C5;</mo><mn>2</mn></mrow></math>")
        #expect(HTMLMath.math(.binary(.multiply, .variable(.d), .number(-2))).contains("<mo stretchy=\"false\">(</mo><mo>&#x2212;</mo><mn>2</mn><mo stretchy=\"false\">)</mo>"))
    }

    /// An image alone on its line becomes a figure with the SVG inline and the caption after it as
    /// its figcaption; a figure whose file is missing says so visibly.
    @Test func figuresAreInlineWithCaptions() {
        let html = Self.converter.html("![The caption.](f.svg)\n\n*The caption.*\n\nNext.\n\n![Gone.](g.svg)\n")
        #expect(html == """
            <figure>
            <svg viewBox="0 0 1 1"></svg>
            <figcaption>The caption.</figcaption>
            </figure>
            <p>Next.</p>
            <figure>
            <p class="missing">Figure missing: g.svg</p>
            </figure>

            """)
    }

    /// An SVG file inlined: prolog and doctype dropped, scripts removed, every id and each reference
    /// to it prefixed (so two figures' definitions cannot clash), labelled, given a viewBox from its size.
    @Test func svgIsMadeInlineSafe() throws {
        let svg = """
            <?xml version="1.0" encoding="utf-8"  standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg width="600pt" height="400pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <script type="text/javascript">alert(1)</script>
            <defs><path id='gpPt1' d='M0,0'/><clipPath id="clip1"><rect/></clipPath></defs>
            <use xlink:href='#gpPt1'/><use href="#gpPt1"/><g clip-path="url(#clip1)"><text>a#gpPt1 "#other"</text></g>
            </svg>
            <!-- trailing -->
            """
        let inline = try #require(HTMLFigure.inline(svg: svg, prefix: "variance", label: "A <caption> & more"))
        #expect(inline.hasPrefix("<svg role=\"img\" aria-label=\"A &lt;caption&gt; &amp; more\" viewBox=\"0 0 600 400\" width=\"600pt\""))
        #expect(inline.hasSuffix("</svg>"))
        #expect(!inline.contains("<script") && !inline.contains("<?xml") && !inline.contains("DOCTYPE") && !inline.contains("trailing"))
        #expect(inline.contains("<path id='variance-gpPt1'") && inline.contains("<clipPath id=\"variance-clip1\">"))
        #expect(inline.contains("<use xlink:href='#variance-gpPt1'/><use href=\"#variance-gpPt1\"/><g clip-path=\"url(#variance-clip1)\">"))
        #expect(inline.contains("<text>a#gpPt1 \"#other\"</text>"))
        #expect(HTMLFigure.inline(svg: "no svg here", prefix: "x", label: "") == nil)
    }

    /// The page: a doctype, a viewport for phones, no script, and the same bytes for the same input.
    @Test func pageIsSelfContainedAndDeterministic() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 10 10\"><g id=\"a\"/></svg>\n".write(to: dir.appendingPathComponent("v.svg"), atomically: true, encoding: .utf8)
        let md = "# Why attention divides by sqrt(d)\n\nText.\n\n![Cap.](v.svg)\n\n*Cap.*\n"
        let page = ReportDocument.html(markdown: md, figuresIn: dir.path)
        #expect(page == ReportDocument.html(markdown: md, figuresIn: dir.path))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Why attention divides by sqrt(d)</title>"))
        #expect(page.contains("<svg role=\"img\" aria-label=\"Cap.\" viewBox=\"0 0 10 10\"><g id=\"v-a\"/></svg>"))
        #expect(page.contains(".table-wrap { overflow-x: auto;") && page.contains("figure svg { display: block; width: 100%; max-width: 100%; height: auto; }"))
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("http"))
        #expect(page.hasSuffix("</main>\n</body>\n</html>\n"))
    }
}
