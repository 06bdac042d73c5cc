/// JSON written straight into bytes as it is produced, with the layout `JSON.bytes(indent:)`
/// gives (keys in the order written, two spaces a level or none, `[]` and `{}` when empty), for
/// the JSON made once per incident or page (incident.json, incidents.json, JSON-LD): building
/// a `JSON` tree for each and freeing it took as long as writing it.
///
///     var json = JSONWriter(indent: 2)
///     json.object { json in
///         json.field("slug", incident.slug)
///         json.field("end", incident.end?.iso8601)   // left out when nil
///         json.array("tags") { json in for tag in tags { json.element(tag.name) } }
///     }
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let indent: Int?
    private var level = 0
    /// Whether the innermost open object or array has nothing in it yet.
    private var empty = false

    init(indent: Int?, capacity: Int = 2_048) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// An object as the top-level value or an array's element.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginValue()
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// An object as the value of `key`.
    mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        name(key)
        open(UInt8(ascii: "{"), body, close: UInt8(ascii: "}"))
    }

    /// An array as the value of `key`.
    mutating func array(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        name(key)
        open(UInt8(ascii: "["), body, close: UInt8(ascii: "]"))
    }

    private mutating func open(_ opening: UInt8, _ body: (inout JSONWriter) -> Void, close closing: UInt8) {
        bytes.append(opening)
        let outerEmpty = empty
        empty = true
        level += 1
        body(&self)
        level -= 1
        if !empty {
            newline()
            pad()
        }
        bytes.append(closing)
        empty = outerEmpty
    }

    // MARK: Fields of an object (a nil value leaves the field out)

    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        name(key)
        Escape.appendJSON(value, to: &bytes)
    }

    mutating func field(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        name(key)
        append(value)
    }

    /// A number as `JSON.number` writes it (three decimals at most; null when not finite).
    mutating func field(_ key: StaticString, number value: Double?) {
        guard let value else { return }
        name(key)
        bytes.append(contentsOf: JSON.numberText(value).utf8)
    }

    // MARK: Elements of an array

    mutating func element(_ value: String) {
        beginValue()
        Escape.appendJSON(value, to: &bytes)
    }

    // MARK: Layout

    /// `"key": ` after the separator and indentation a new member needs.
    private mutating func name(_ key: StaticString) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: indent == nil ? "\":".utf8 : "\": ".utf8)
    }

    /// The comma and line break before a member or element (none at the top level).
    private mutating func beginValue() {
        guard level > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
        pad()
    }

    private mutating func newline() {
        if indent != nil { bytes.append(UInt8(ascii: "\n")) }
    }

    private mutating func pad() {
        if let indent { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level)) }
    }

    private mutating func append(_ value: Int64) {
        bytes.append(contentsOf: String(value).utf8)
    }
}
