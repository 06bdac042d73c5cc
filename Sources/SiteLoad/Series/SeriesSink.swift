import Charts
import SiteModel

/// Where the rows of one series go while it is read: each drawn signal's reducer and analysis,
/// held in buffers this object owns, so that a row updates them in place (no array to check
/// for uniqueness, no captured variable boxes per row). Used by one thread at a time.
final class SeriesSink {
    let maxPoints: Int
    let start: Int64
    let end: Int64?
    private var reducers = UnsafeMutableBufferPointer<ExtremaReducer>(start: nil, count: 0)
    private var analyses = UnsafeMutableBufferPointer<SignalAnalysis>(start: nil, count: 0)
    private(set) var rows = 0
    private(set) var first: Int64?
    private(set) var last: Int64?

    init(maxPoints: Int, start: Int64, end: Int64?) {
        self.maxPoints = maxPoints
        self.start = start
        self.end = end
    }

    deinit { release() }

    private func release() {
        if reducers.count > 0 {
            _ = reducers.deinitialize()
            reducers.deallocate()
        }
        if analyses.count > 0 {
            _ = analyses.deinitialize()
            analyses.deallocate()
        }
        reducers = UnsafeMutableBufferPointer(start: nil, count: 0)
        analyses = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// Called once, at the header: `signals` reducers and analyses.
    func prepare(signals: Int) {
        release()
        guard signals > 0 else { return }
        // One reducer each, not copies of one: copies would share their storage until the
        // first sample, which would then copy it.
        reducers = .allocate(capacity: signals)
        analyses = .allocate(capacity: signals)
        for i in 0..<signals {
            reducers.initializeElement(at: i, to: ExtremaReducer(maxPoints: maxPoints))
            analyses.initializeElement(at: i, to: SignalAnalysis(start: start, end: end))
        }
    }

    @inline(__always)
    func add(time: Int64, values: UnsafeBufferPointer<Double>) {
        rows += 1
        if first == nil { first = time }
        last = time
        let count = min(values.count, reducers.count)
        guard count > 0, let reducer = reducers.baseAddress, let analysis = analyses.baseAddress else { return }
        for i in 0..<count {
            reducer[i].add(time: time, value: values[i])
            analysis[i].add(time: time, value: values[i])
        }
    }

    func points(_ signal: Int) -> [ChartPoint] { reducers[signal].points }

    func figures(_ signal: Int) -> SignalFigures { analyses[signal].figures() }
}
