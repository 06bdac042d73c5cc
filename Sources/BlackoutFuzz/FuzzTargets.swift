#if BLACKOUT_FUZZ
import Foundation

/// One fuzz target: a name (the corpus folder under Tests/Fuzz/corpus) and what it does with
/// one input. Every target runs production code; a failed `check` is a crash libFuzzer reports.
struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void
}

enum FuzzTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "frontmatter", run: FrontMatterFuzz.run),
        FuzzTarget(name: "series", run: SeriesFuzz.run),
        FuzzTarget(name: "dataset-csv", run: DatasetCSVFuzz.run),
        FuzzTarget(name: "dataset-json", run: DatasetJSONFuzz.run),
        FuzzTarget(name: "datepattern", run: DatePatternFuzz.run),
        FuzzTarget(name: "timestamp", run: TimestampFuzz.run),
        FuzzTarget(name: "values", run: ValuesFuzz.run),
    ]

    /// The target named by BLACKOUT_FUZZ_TARGET; exits with a list of names when it is unset
    /// or unknown.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["BLACKOUT_FUZZ_TARGET"] ?? ""
        if let target = all.first(where: { $0.name == name }) { return target }
        let names = all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("set BLACKOUT_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }()
}

/// A property the production code promises; a violation stops the fuzzer with the message.
func check(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
    if !condition {
        FileHandle.standardError.write(Data("fuzz property failed at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}
#endif
