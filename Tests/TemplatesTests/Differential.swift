import Foundation
import Testing
import Mustache
@testable import Templates

/// Test data built once and converted into both engines' contexts: `[String: Any]` trees for
/// swift-mustache (NSNull for null), `TemplateValue`s over a dictionary keyed by vocabulary
/// number for ours.
indirect enum Tree: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    case list([Tree])
    case object([String: Tree])
}

extension Tree: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: Tree...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, Tree)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    init(nilLiteral: ()) { self = .null }

    /// Every key used anywhere in the tree.
    var keys: Set<String> {
        switch self {
        case .list(let items): items.reduce(into: []) { $0.formUnion($1.keys) }
        case .object(let fields): fields.reduce(into: Set(fields.keys)) { $0.formUnion($1.value.keys) }
        default: []
        }
    }

    /// The swift-mustache context.
    var mustache: Any {
        switch self {
        case .null: NSNull()
        case .bool(let flag): flag
        case .int(let number): number
        case .text(let text): text
        case .list(let items): items.map(\.mustache)
        case .object(let fields): fields.mapValues(\.mustache) as [String: Any]
        }
    }

    /// Our value; keys outside `names` are dropped (no object can answer for them).
    func value(_ names: [String: Int]) -> TemplateValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .text(let text): .text(text)
        case .list(let items): .list(items.map { $0.value(names) })
        case .object(let fields):
            .object(Box(values: Dictionary(uniqueKeysWithValues: fields.compactMap { key, value in
                names[key].map { ($0, value.value(names)) }
            })))
        }
    }
}

final class Box: TemplateObject {
    let values: [Int: TemplateValue]
    init(values: [Int: TemplateValue]) { self.values = values }
    func value(_ key: Int) -> TemplateValue? { values[key] }
}

/// One differential case: a main template, its partials, and the data.
struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    var partials: [String: String] = [:]
    var data: Tree = [:]
    /// Extra names in the vocabulary besides the keys of the data; nil: the keys and every word
    /// of the templates.
    var vocabulary: [String]?

    var testDescription: String { name }
}

struct Rendered {
    var ours: [UInt8]
    var theirs: [UInt8]
    var oursText: String { String(decoding: ours, as: UTF8.self) }
    var theirsText: String { String(decoding: theirs, as: UTF8.self) }
    var agree: Bool { ours == theirs }
}

enum Differential {
    static let mainName = "main"

    static func vocabulary(_ testCase: Case) -> [String: Int] {
        var words = testCase.data.keys
        if let extra = testCase.vocabulary {
            words.formUnion(extra)
        } else {
            for text in [testCase.template] + Array(testCase.partials.values) {
                for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    words.insert(String(word))
                }
            }
        }
        var names: [String: Int] = [:]
        for (index, word) in words.sorted().enumerated() { names[word] = index }
        return names
    }

    /// Renders with both engines; compares bytes, not Strings (String equality is canonical
    /// equivalence and would hide differences in the bytes).
    static func render(_ testCase: Case) throws -> Rendered {
        let names = vocabulary(testCase)
        var ours = TemplateLibrary(names: names)
        var theirs = MustacheLibrary()
        for (name, text) in testCase.partials.sorted(by: { $0.key < $1.key }) {
            try ours.register(text, named: name)
            try theirs.register(text, named: name)
        }
        try ours.register(testCase.template, named: mainName)
        try theirs.register(testCase.template, named: mainName)
        var output = HTMLOutput()
        try ours.render(mainName, root: testCase.data.value(names), into: &output)
        guard let reference = theirs.render(testCase.data.mustache, withTemplate: mainName) else {
            throw RenderFailure(message: "swift-mustache has no template \(mainName)")
        }
        return Rendered(ours: output.bytes, theirs: Array(reference.utf8))
    }

    /// Ours only.
    static func renderOurs(_ testCase: Case) throws -> String {
        let names = vocabulary(testCase)
        var ours = TemplateLibrary(names: names)
        for (name, text) in testCase.partials { try ours.register(text, named: name) }
        try ours.register(testCase.template, named: mainName)
        var output = HTMLOutput()
        try ours.render(mainName, root: testCase.data.value(names), into: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// swift-mustache only.
    static func renderTheirs(_ testCase: Case) throws -> String {
        var theirs = MustacheLibrary()
        for (name, text) in testCase.partials { try theirs.register(text, named: name) }
        try theirs.register(testCase.template, named: mainName)
        return theirs.render(testCase.data.mustache, withTemplate: mainName) ?? "<no template>"
    }
}

struct RenderFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Shows invisible characters in a failure message.
func visible(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
        switch scalar {
        case "\n": "⏎\n"
        case "\r": "␍"
        case "\t": "⇥"
        default: String(scalar)
        }
    }.joined()
}
