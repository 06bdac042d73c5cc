import Foundation
import SiteFiles

/// Reads a JSON table: an array of objects, or an object holding one under `records`. Keys are
/// taken literally ("state:name" is one key). Scalars become text (numbers as written, booleans
/// as true/false), arrays of scalars become lists; null is no value.
enum JSONTable {
    struct Failure: Error {
        var message: String
    }

    static func read(_ data: Data, recordsKey: String?) -> Result<Table, Failure> {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return .failure(Failure(message: "is not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")"))
        }
        let array: [Any]
        if let key = recordsKey {
            guard let object = root as? [String: Any] else {
                return .failure(Failure(message: "\"records: \(key)\" expects a JSON object holding the records"))
            }
            guard let found = object[key] as? [Any] else {
                let keys = object.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                return .failure(Failure(message: "has no array under \"\(key)\" (its keys are \(keys))"))
            }
            array = found
        } else if let found = root as? [Any] {
            array = found
        } else if let object = root as? [String: Any] {
            let arrays = object.filter { $0.value is [Any] }.keys.sorted()
            let hint = arrays.first.map { " (add records: \($0) to the mapping)" } ?? ""
            return .failure(Failure(message: "is a JSON object, not an array of records\(hint)"))
        } else {
            return .failure(Failure(message: "is not an array of records"))
        }
        var table = Table(kind: .json, columns: [], records: [])
        var known: Set<String> = []
        for (index, element) in array.enumerated() {
            var record = TableRecord(position: index + 1, values: [:])
            guard let object = element as? [String: Any] else {
                record.problem = "is not an object"
                table.records.append(record)
                continue
            }
            for key in object.keys.sorted() {
                if known.insert(key).inserted { table.columns.append(key) }
                if let value = value(object[key]) { record.values[key] = value }
            }
            table.records.append(record)
        }
        return .success(table)
    }

    static func value(_ any: Any?) -> TableValue? {
        switch any {
        // "\u0000" and "\u001b" are valid JSON: control characters are removed from every cell.
        case let text as String: return .text(ControlCharacters.removed(from: text))
        case let items as [Any]: return .list(items.compactMap { scalar($0).map(ControlCharacters.removed(from:)) })
        case .some(let other): return scalar(other).map { TableValue.text(ControlCharacters.removed(from: $0)) }
        case .none: return nil
        }
    }

    private static func scalar(_ any: Any) -> String? {
        if any is NSNull { return nil }
        if let text = any as? String { return text }
        if let number = any as? NSNumber {
            // Booleans arrive as NSNumber too; tell them apart by their type encoding.
            if String(cString: number.objCType) == "c" || type(of: any) == Bool.self { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return "\(double)"
        }
        return nil
    }
}
