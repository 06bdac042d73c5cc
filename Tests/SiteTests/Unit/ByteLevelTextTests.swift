import Diagnostics
import Foundation
import Testing
@testable import SiteFiles
@testable import SiteLoad

/// The byte-level reading of content files (TextFile.decode, FrontMatter.split) gives what
/// the String-level code before it gave, on the fuzz corpus and on awkward line ends.
@Suite struct ByteLevelTextTests {
    /// Every file of Tests/Fuzz/corpus/frontmatter, and a few made to be awkward.
    static var inputs: [[UInt8]] {
        let folder = Fixtures.root.deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/frontmatter")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var inputs = names.sorted().compactMap { try? [UInt8](Data(contentsOf: folder.appendingPathComponent($0))) }
        let awkward = [
            "---\r\ntitle: A\r\n---\r\nbody\r\n", "---\r\r\ntitle: A\r\r\n---\r\r\nbody", "---\ntitle: A\n--- \t\r",
            "---\n---\n", "---\n---", "---", "--- \n...\nrest", "---\u{301}\ntitle: A\n---\n", "---\ntitle: A\n---\u{301}\n---\nb",
            "\u{FEFF}---\ntitle: A\n---\n", "---\ntitle: \u{1B}[31mred\u{85}\n---\n\u{7F}", "no front matter\n---\n", "",
            "---\ntitle: A\n\r\n---\nb\r", "---\ntitle: A\r\n\r\n---\n",
        ]
        inputs += awkward.map { Array($0.utf8) }
        inputs.append([0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n---\n".utf8))
        inputs.append(Array("---\ntitle: \"".utf8) + [0xC3, 0x28] + Array("\"\n---\n".utf8))
        inputs.append(Array("a\nb".utf8) + [0] + Array("c".utf8))
        inputs.append([0xFF, 0xFE, 0x41, 0x00])
        return inputs
    }

    @Test func decodeAgreesWithTheStringLevelDecoder() {
        for bytes in Self.inputs {
            let new = TextFile.decode(bytes: bytes, displayPath: "x.md")
            let old = Reference.decode(bytes, displayPath: "x.md")
            switch (new, old) {
            case (.success(let a), .success(let b)): #expect(Array(a.utf8) == Array(b.utf8), "\(bytes)")
            case (.failure(let a), .failure(let b)): #expect(a.description == b.description)
            default: Issue.record("decode differs on \(bytes): \(new) vs \(old)")
            }
        }
    }

    @Test func decodeAgreesOnRandomBytes() {
        // Seeded; long enough that the eight-byte scan meets every kind of byte at every offset.
        let alphabet: [[UInt8]] = [[0x61], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x1B], [0x7F], [0x00], [0xC2, 0x85],
                                   [0xC2, 0xA0], [0xC3, 0xA9], [0xE6, 0x9D, 0xB1], [0xF0, 0x9F, 0x8C, 0x90], [0xC3], [0x80]]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            let length = next() % 40
            for _ in 0..<length {
                // Mostly plain letters, so that whole words of ASCII occur.
                let piece = next() % 4 == 0 ? alphabet[next() % alphabet.count] : [UInt8(ascii: "a")]
                bytes += piece
            }
            let new = TextFile.decode(bytes: bytes, displayPath: "x.md")
            let old = Reference.decode(bytes, displayPath: "x.md")
            switch (new, old) {
            case (.success(let a), .success(let b)): #expect(Array(a.utf8) == Array(b.utf8), "\(bytes)")
            case (.failure(let a), .failure(let b)): #expect(a.description == b.description)
            default: Issue.record("decode differs on \(bytes): \(new) vs \(old)")
            }
        }
    }

    @Test func splitAgreesWithTheStringLevelSplit() {
        for bytes in Self.inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            let new = FrontMatter.split(text)
            let old = Reference.split(text)
            #expect(new?.yaml == old?.yaml, "\(text.debugDescription)")
            #expect(new?.body == old?.body, "\(text.debugDescription)")
            #expect(new?.hasFrontMatter == old?.hasFrontMatter, "\(text.debugDescription)")
        }
    }

    @Test func crAloneBeforeCRLFStaysAsString() throws {
        // "\r\r\n" normalises to "\r\n", which a String splits as one Character: not a line end.
        let text = try TextFile.decode(bytes: Array("---\r\r\ntitle: A\n---\nb".utf8), displayPath: "x.md").get()
        #expect(Array(text.utf8) == Array("---\r\ntitle: A\n---\nb".utf8))
        #expect(FrontMatter.split(text)?.hasFrontMatter == false)
    }

    /// The implementation before the byte-level one, kept as the specification.
    enum Reference {
        static func decode(_ input: [UInt8], displayPath: String) -> Result<String, Message> {
            var bytes = input
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                return .failure(Message(description: "\(displayPath):1:1: error: file is UTF-16, not UTF-8: save it as UTF-8"))
            }
            if let bad = TextFile.firstInvalidUTF8Offset(bytes) {
                let (line, column) = position(bad, bytes)
                return .failure(Message(description: "\(displayPath):\(line):\(column): error: file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))"))
            }
            if let offset = bytes.firstIndex(of: 0) {
                let (line, column) = position(offset, bytes)
                return .failure(Message(description: "\(displayPath):\(line):\(column): error: file contains a NUL byte; is it a binary file?"))
            }
            if ControlCharacters.contains(in: bytes) { bytes = ControlCharacters.removed(from: bytes) }
            var text = String(decoding: bytes, as: UTF8.self)
            if text.contains("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            return .success(text)
        }

        static func position(_ offset: Int, _ bytes: [UInt8]) -> (Int, Int) {
            var line = 1
            var column = 1
            for b in bytes[..<offset] {
                if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }

        static func split(_ text: String) -> FrontMatterSplit? {
            func trimmed(_ line: Substring) -> Substring {
                var end = line.endIndex
                while end > line.startIndex {
                    let previous = line.index(before: end)
                    guard [" ", "\t", "\r"].contains(line[previous]) else { break }
                    end = previous
                }
                return line[line.startIndex..<end]
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            guard let first = lines.first, trimmed(first) == "---" else {
                return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, hasFrontMatter: false)
            }
            lines = lines.dropFirst()
            var yamlLines: [Substring] = []
            while let line = lines.first {
                lines = lines.dropFirst()
                if trimmed(line) == "---" || trimmed(line) == "..." {
                    return FrontMatterSplit(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                            body: lines.joined(separator: "\n"), hasFrontMatter: true)
                }
                yamlLines.append(line)
            }
            return nil
        }
    }
}

/// A diagnostic as text, for comparing with the reference decoder's.
struct Message: Error, CustomStringConvertible {
    var description: String
}
