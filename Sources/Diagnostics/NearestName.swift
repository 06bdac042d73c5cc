/// The known name closest to a misspelt one, for "did you mean" hints on unknown keys.
/// Returns nil when nothing is close enough to be a plausible typo.
public func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if let current = best, (d, candidate) >= (current.distance, current.name) { continue }
        best = (candidate, d)
    }
    guard let best else { return nil }
    // Allow about one edit per three characters, at least two, but always fewer edits than
    // the name has characters (any two-letter name is two edits from any other).
    let limit = min(max(2, target.count / 3), target.count - 1)
    return best.distance <= limit ? best.name : nil
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previousPrevious[j - 2] + 1)
            }
            current[j] = value
        }
        swap(&previousPrevious, &previous)
        swap(&previous, &current)
    }
    return previous[b.count]
}
