import Templates

/// A small object answered from a short list of named values: pagination, a term, a chart's
/// figures. Objects met on every page of a big list (rows, the page frame) have their own types.
final class Record: TemplateObject {
    private let fields: [(Name, TemplateValue)]

    init(_ fields: [(Name, TemplateValue)]) {
        self.fields = fields
    }

    func value(_ key: Int) -> TemplateValue? {
        guard let name = Name(key) else { return nil }
        // Through the buffer, so names are compared in place and only the value found is copied.
        return fields.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].0 == name { return buffer[index].1 }
            return nil
        }
    }
}

extension TemplateValue {
    static func record(_ fields: [(Name, TemplateValue)]) -> TemplateValue {
        .object(Record(fields))
    }

    static func bool(_ flag: Bool?) -> TemplateValue { flag.map(TemplateValue.bool) ?? .null }

    /// A link from a page to a site file: the page's way up to the root, then the file.
    static func link(_ root: String, _ target: String) -> TemplateValue {
        .joined(root, target)
    }
}
