/// Text bound for a terminal with every control character shown as an escape (`\u{1B}`), so
/// a file name or value quoted in a message can never move the cursor, recolour or clear the
/// screen. Tab is kept.
public func terminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isTerminalControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        if isTerminalControl(scalar) {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

private func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar.value != 0x09) || (scalar.value >= 0x7F && scalar.value <= 0x9F)
}
