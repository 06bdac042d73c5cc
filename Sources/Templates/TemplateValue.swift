/// What a template name resolves to. Pages hand the renderer typed objects (`TemplateObject`)
/// that answer for the names they know; nothing is boxed into dictionaries or looked up by
/// reflection.
public enum TemplateValue {
    /// Present but empty: stops the lookup in enclosing objects, is false in a section and
    /// renders as nothing. (A name an object does not know at all goes on to the enclosing one.)
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    /// Text already as UTF-8 bytes (a chart or table a writer built as bytes), rendered like
    /// `text` without a round trip through String.
    case utf8([UInt8])
    /// Two strings rendered one after the other, as `prefix + text` would be, without joining
    /// them: a relative link is the page's "../../" and the target's path.
    case joined(String, String)
    case list([TemplateValue])
    case object(any TemplateObject)

    /// `value ?? .null`: an optional value that stops the lookup when absent.
    public static func text(_ value: String?) -> TemplateValue {
        value.map(TemplateValue.text) ?? .null
    }
}

/// A value with named children. `key` is the name's number in the library's vocabulary
/// (`TemplateLibrary.init(names:)`); return nil for a name the object does not know, so the
/// lookup goes on to the enclosing object as Mustache asks. Objects are classes: rendering copies
/// values at every lookup, and a reference is copied with one retain.
public protocol TemplateObject: AnyObject {
    func value(_ key: Int) -> TemplateValue?
}
