/// Error text for a value outside a closed vocabulary:
/// `must be one of a, b, c: "x"`, plus ` (did you mean "y"?)` when a value is within two edits
/// of the text, ignoring case ("Cable-Cut" → "cable-cut").
public func enumError<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ text: String) -> ValueError
where E.RawValue == String {
    let names = type.allCases.map(\.rawValue)
    var message = "must be one of \(names.joined(separator: ", ")): \(quoted(text))"
    if let suggestion = nearest(to: text.lowercased(), in: names, maximumDistance: 2) {
        message += " (did you mean \(quoted(suggestion))?)"
    }
    return ValueError(message)
}

/// The first candidate with the smallest edit distance to `text`, if within `maximumDistance`.
func nearest(to text: String, in candidates: [String], maximumDistance: Int) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        guard let distance = editDistance(text, candidate, limit: maximumDistance) else { continue }
        if distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

/// Levenshtein distance over Unicode scalars, or nil when it exceeds `limit`. Texts whose
/// lengths differ by more than `limit` are rejected before the quadratic part, so a huge
/// hostile value costs one linear pass.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int? {
    let left = Array(a.unicodeScalars)
    let right = Array(b.unicodeScalars)
    guard abs(left.count - right.count) <= limit else { return nil }
    if left.isEmpty || right.isEmpty {
        return max(left.count, right.count)  // within the limit by the guard above
    }
    // One row of the dynamic-programming table at a time.
    var previous = Array(0...right.count)
    var current = previous
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    let distance = previous[right.count]
    return distance <= limit ? distance : nil
}
