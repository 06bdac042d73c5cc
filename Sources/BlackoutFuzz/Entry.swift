// libFuzzer entry point. Built only by `make fuzz`, which passes -DBLACKOUT_FUZZ and
// -sanitize=fuzzer,address; this file provides the entry point, which runs libFuzzer's driver,
// and LLVMFuzzerTestOneInput. The target is chosen with the environment
// variable BLACKOUT_FUZZ_TARGET (see FuzzTargets.swift).
//
// In an ordinary build (`swift build --build-tests`) the flag is absent: the target compiles to
// a stub that says how to build it, so the package still builds and links without libFuzzer.

#if BLACKOUT_FUZZ
import Foundation

/// libFuzzer's driver (compiler-rt, FuzzerInterface.h), for executables that have their own main.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable target with `main` aliased to `<module>_main`, so that is the
/// entry point here: choose the target, then hand the command line to libFuzzer.
@_cdecl("blackout_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    _ = FuzzTargets.selected
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.selected.run(bytes)
    return 0
}
#else
@main
struct FuzzStub {
    static func main() {
        print("blackout-fuzz was built without fuzzing support: run `make fuzz`")
    }
}
#endif
