import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts
import OutageData

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Unix seconds of an ISO 8601 timestamp written in a test.
func at(_ text: String) -> Int64 {
    (try? Timestamp.parse(text).seconds) ?? 0
}

/// An element seen by the XML parser.
struct XMLElement {
    var name: String
    var attributes: [String: String]
    var text = ""
}

/// Parses `text` with Foundation's XMLParser (libxml2 on Linux): the elements in document order,
/// or the parser's error.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [XMLElement] = []
    private var open: [Int] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(XMLElement(name: elementName, attributes: attributeDict))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last {
            elements[index].text += string
        }
    }

    static func parse(_ text: String) -> (elements: [XMLElement], error: String?) {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        let ok = parser.parse()
        return (collector.elements, ok ? nil : String(describing: parser.parserError))
    }
}

/// Expects `svg` to be well-formed XML with an `<svg>` root; returns its elements.
@discardableResult
func expectWellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> [XMLElement] {
    let (elements, error) = XMLCollector.parse(svg)
    #expect(error == nil, "not well-formed XML: \(error ?? "")", sourceLocation: sourceLocation)
    #expect(elements.first?.name == "svg" || elements.first?.name == "table", sourceLocation: sourceLocation)
    return elements
}

/// The coordinate pairs of an SVG path made of M, implicit line-to pairs and "h0" dots.
func pathPoints(_ d: String) -> [(Double, Double)] {
    var points: [(Double, Double)] = []
    var numbers: [Double] = []
    var command: Character = "M"
    var token = ""
    func flushToken() {
        if !token.isEmpty, let value = Double(token) { numbers.append(value) }
        token = ""
    }
    func flushCommand() {
        flushToken()
        if command == "M" || command == "L" {
            var index = 0
            while index + 1 < numbers.count {
                points.append((numbers[index], numbers[index + 1]))
                index += 2
            }
        }
        numbers = []
    }
    for character in d {
        if character.isLetter {
            flushCommand()
            command = character
        } else if character == " " || character == "," {
            flushToken()
        } else if character == "-" && !token.isEmpty {
            flushToken()
            token.append(character)
        } else {
            token.append(character)
        }
    }
    flushCommand()
    return points
}

/// Golden files live beside the tests; `RECORD=1` rewrites them (and fails on purpose).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD"] == "1" }

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            Issue.record("recorded \(name); run again without RECORD=1", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); record it with RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = Array(expected.utf8)
            let b = Array(actual.utf8)
            var index = 0
            while index < a.count && index < b.count && a[index] == b[index] { index += 1 }
            let context = String(decoding: b[Swift.max(0, index - 60)..<Swift.min(b.count, index + 60)], as: UTF8.self)
            Issue.record("\(name) differs from the golden file at byte \(index): …\(context)…", sourceLocation: sourceLocation)
        }
    }
}
