import Foundation
import Testing
@testable import QKReporting

/// ``CSVTable``: RFC 4180 bytes.
@Suite struct CSVTableTests {
    @Test func csvIsRFC4180Bytes() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["1", "x,y"])
        table.append(["say \"hi\"", "line\nbreak"])
        let expected = "a,b\r\n1,\"x,y\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n"
        #expect(table.bytes == Array(expected.utf8))
    }
}
