import Foundation
import Templates

// TEMPORARY: lets the old dictionary contexts render through the new engine while the typed
// views replace them.
struct DictionaryBridge: TemplateObject {
    let values: [String: Any]
    func value(_ key: Int) -> TemplateValue? {
        guard let name = Name(key), let value = values[name.rawValue] else { return nil }
        return Self.convert(value)
    }

    static func convert(_ value: Any) -> TemplateValue {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let dictionary as [String: Any]: return .object(DictionaryBridge(values: dictionary))
        case let list as [Any]: return .list(list.map(convert))
        case is NSNull: return .null
        default: return .text("\(value)")
        }
    }
}
