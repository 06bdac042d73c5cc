import Charts

/// A signal's reduced chart points, kept as bytes between loading and drawing: a build holds
/// every incident's points at once, and as `[ChartPoint]` (16 bytes a point) 10,000 incidents
/// of three 1,000-point signals take 480 MB. Times are stored as differences from the point
/// before, whole-number values as differences from the whole number before, both as zigzag
/// LEB128 varints; any other value keeps its exact bits. Typically 3–4 bytes a point, and
/// `points` gives back exactly the points stored (bit for bit, NaN and -0.0 included).
public struct PackedPoints: Sendable, Hashable {
    private let bytes: [UInt8]
    public let count: Int

    /// Value tags, in the low two bits of a value's first varint.
    private static let missingTag: UInt64 = 0
    private static let wholeTag: UInt64 = 1
    private static let bitsTag: UInt64 = 2
    /// Whole numbers up to this magnitude are stored as integers (every one is exact in a Double).
    private static let largestWhole = 9_007_199_254_740_992.0

    public init(_ points: [ChartPoint]) {
        var out: [UInt8] = []
        out.reserveCapacity(points.count * 20)
        var previousTime: Int64 = 0
        var previousWhole: Int64 = 0
        for point in points {
            Self.write(Self.zigzag(point.time &- previousTime), to: &out)
            previousTime = point.time
            let value = point.value
            if value.bitPattern == Double.nan.bitPattern {
                Self.write(Self.missingTag, to: &out)
            } else if let whole = Self.whole(value) {
                Self.write(Self.zigzag(whole &- previousWhole) << 2 | Self.wholeTag, to: &out)
                previousWhole = whole
            } else {
                Self.write(Self.bitsTag, to: &out)
                var bits = value.bitPattern
                for _ in 0..<8 {
                    out.append(UInt8(truncatingIfNeeded: bits))
                    bits >>= 8
                }
            }
        }
        // Exactly as long as needed: the reserve above would otherwise stay allocated.
        bytes = out.withUnsafeBufferPointer { Array($0) }
        count = points.count
    }

    /// Points packed by an earlier build (the series cache). Decoding never reads past the
    /// bytes, so damaged bytes give wrong points, never a crash; the cache checks a fingerprint
    /// of its entries before it gets here.
    package init(packed bytes: [UInt8], count: Int) {
        self.bytes = bytes
        self.count = count
    }

    /// The packed bytes, for the series cache.
    package var packed: [UInt8] { bytes }

    public var points: [ChartPoint] {
        var result: [ChartPoint] = []
        result.reserveCapacity(count)
        var position = 0
        var time: Int64 = 0
        var previousWhole: Int64 = 0
        for _ in 0..<count {
            time = time &+ Self.unzigzag(read(&position))
            let head = read(&position)
            let value: Double
            switch head & 3 {
            case Self.missingTag:
                value = .nan
            case Self.wholeTag:
                previousWhole = previousWhole &+ Self.unzigzag(head >> 2)
                value = Double(previousWhole)
            default:
                var bits: UInt64 = 0
                for k in 0..<8 where position + k < bytes.count {
                    bits |= UInt64(bytes[position + k]) << (8 * UInt64(k))
                }
                position += 8
                value = Double(bitPattern: bits)
            }
            result.append(ChartPoint(time: time, value: value))
        }
        return result
    }

    /// The value as an integer when that loses nothing (not -0.0, not beyond 2^53).
    private static func whole(_ value: Double) -> Int64? {
        guard value.isFinite, value.rounded(.towardZero) == value, abs(value) <= largestWhole,
              !(value == 0 && value.sign == .minus) else { return nil }
        return Int64(value)
    }

    private static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    private static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    private static func write(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private func read(_ position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if shift < 64 { value |= UInt64(byte & 0x7F) << shift }
            if byte < 0x80 { break }
            shift += 7
        }
        return value
    }
}
