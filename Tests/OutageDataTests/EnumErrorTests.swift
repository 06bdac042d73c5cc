import Testing
@testable import OutageData

struct EnumErrorTests {
    @Test func listsTheValuesWithoutSuggestionWhenNothingIsClose() {
        #expect(enumError(Impact.self, "huge") == ValueError("must be one of total, major, partial, minor: \"huge\""))
        #expect(enumError(IncidentStatus.self, "") == ValueError("must be one of ongoing, resolved: \"\""))
    }

    @Test(arguments: [
        ("cable_cut", "cable-cut"), ("Cable-Cut", "cable-cut"), ("Government-Ordered", "government-ordered"),
        ("fir", "fire"), ("unkown", "unknown"), ("powr-outag", "power-outage"),
    ])
    func suggestsACloseCause(_ text: String, _ suggestion: String) {
        let values = Cause.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(enumError(Cause.self, text)
            == ValueError("must be one of \(values): \"\(text)\" (did you mean \"\(suggestion)\"?)"))
    }

    @Test func suggestsAcrossVocabularies() {
        #expect(enumError(TimelineStatus.self, "monitorng").message.hasSuffix("(did you mean \"monitoring\"?)"))
        #expect(enumError(IncidentStatus.self, "resolve").message.hasSuffix("(did you mean \"resolved\"?)"))
        #expect(!enumError(TimelineStatus.self, "monitor").message.contains("did you mean"))
    }

    @Test func hugeTextIsCheapAndShortened() {
        let message = enumError(Scope.self, String(repeating: "x", count: 100_000)).message
        #expect(message.hasSuffix("x…\""))
        #expect(message.count < 200)
    }

    @Test(arguments: [
        ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, nil), ("", "ab", 2, 2), ("ab", "", 1, nil),
        ("same", "same", 0, 0), ("flaw", "lawn", 2, 2),
    ] as [(String, String, Int, Int?)])
    func editDistances(_ a: String, _ b: String, _ limit: Int, _ distance: Int?) {
        #expect(editDistance(a, b, limit: limit) == distance)
    }
}
