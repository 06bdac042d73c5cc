import CAtomicSwap
import Diagnostics
import Foundation
import SiteFiles

/// The output folder and its guarantees (SPEC §9). A build first claims the folder: it resolves
/// where the site will really go (through a link, if `public` is one), refuses anything that is
/// not an empty folder or one Blackout made, never accepts the site or its sources, and takes a
/// lock so that two builds never write at once. The claim then stages the new site beside the
/// real target and swaps it in only when everything succeeded.
public struct OutputFolder: Sendable {
    /// The output as the user named it.
    public let url: URL

    /// A file Blackout leaves in every output folder it makes, so it can tell its own folders
    /// from a user's.
    static let marker = ".blackout"
    static let markerText = "This folder was written by Blackout; a build may replace it whole.\n"

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// Checks the output against the site at `siteRoot`, then waits for the lock (calling
    /// `waiting` once if another build holds it). The lock is held until the claim is released.
    func claim(siteRoot: URL, force: Bool, waiting: (String) -> Void) -> Result<ClaimedOutput, Diagnostic> {
        let at = SourceLocation(file: url.path)
        let target: String
        switch Self.realTarget(of: url.path) {
        case .failure(let message): return .failure(.error(message.description, at: at))
        case .success(let path): target = path
        }
        let shown = target == url.path ? url.path : "\(url.path) (a link to \(target))"
        if let problem = Self.protectedConflict(target: target, siteRoot: siteRoot) {
            return .failure(.error("the output folder \(shown) \(problem); choose another --output (--force does not change this)", at: at))
        }
        if Self.exists(target) && !FileWalker.isDirectory(URL(fileURLWithPath: target)) {
            return .failure(.error("the output \(shown) is a file, not a folder; choose another --output (--force does not change this)", at: at))
        }
        let claimed: ClaimedOutput
        do {
            claimed = try ClaimedOutput(target: URL(fileURLWithPath: target), waiting: waiting)
        } catch {
            return .failure(.error("cannot lock the output folder: \(error)", at: at))
        }
        claimed.recoverInterruptedBuilds()
        if FileWalker.isDirectory(claimed.target) && !force {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                return .failure(.error("the output folder \(shown) is not empty and was not made by Blackout; refusing to replace it (move it away, or pass --force)", at: at))
            }
        }
        return .success(claimed)
    }

    /// Refuses the site, content/, templates/, site.yml, a folder holding any of them, or a
    /// folder inside content/ or templates/ (a build there would feed itself).
    static func protectedConflict(target: String, siteRoot: URL) -> String? {
        let site = SiteFolder.realPath(siteRoot.path) ?? siteRoot.standardizedFileURL.path
        let real = { (name: String) in SiteFolder.realPath(site + "/" + name) ?? site + "/" + name }
        let sourceFolders = [real("content"), real("templates")]
        func isInside(_ path: String, _ folder: String) -> Bool {
            folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
        }
        for source in [site] + sourceFolders + [real("site.yml")] where source == target || isInside(source, target) {
            return source == site ? "is the site folder or holds it" : "is or holds the site's \((source as NSString).lastPathComponent)"
        }
        for folder in sourceFolders where isInside(target, folder) {
            return "is inside the site's \((folder as NSString).lastPathComponent)/ folder"
        }
        return nil
    }

    /// Where the output really is: a link is followed to its target (the swap happens there,
    /// so the link keeps working); a path that does not exist yet is resolved through its
    /// deepest existing ancestor.
    static func realTarget(of path: String, depth: Int = 0) -> Result<String, OutputError> {
        var info = stat()
        if lstat(path, &info) == 0 {
            if let real = SiteFolder.realPath(path) { return .success(real) }
            // A link to a folder that does not exist yet (`public -> /var/www/site` before the
            // first build): the site is made where it points.
            guard depth < 8, (info.st_mode & S_IFMT) == S_IFLNK, let destination = SiteFolder.linkTarget(path) else {
                return .failure(OutputError("the output \(path) cannot be resolved (a loop of symbolic links?)"))
            }
            let absolute = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL.path
            return realTarget(of: absolute, depth: depth + 1)
        }
        var missing: [String] = []
        var ancestor = URL(fileURLWithPath: path)
        while lstat(ancestor.path, &info) != 0 && ancestor.path != "/" {
            missing.insert(ancestor.lastPathComponent, at: 0)
            ancestor.deleteLastPathComponent()
        }
        guard let real = SiteFolder.realPath(ancestor.path) else {
            return .failure(OutputError("the output folder's parent \(ancestor.path) cannot be resolved"))
        }
        return .success(missing.reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 })
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

/// An output folder this build holds the lock of. Staging folders are unique per build and sit
/// next to the real target, so the final swap is one rename on one file system.
final class ClaimedOutput {
    let target: URL
    private let lockDescriptor: Int32
    private(set) var staging: URL?

    private var parent: URL { target.deletingLastPathComponent() }
    private var name: String { target.lastPathComponent }
    /// `.public.blackout-lock`: an empty file beside the output, locked with flock(2) while a
    /// build writes; the kernel releases it when the process ends, however it ends.
    static func lockURL(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).blackout-lock")
    }
    private var stagingPrefix: String { ".\(name).blackout-staging-" }
    private var retiredURL: URL { parent.appendingPathComponent(".\(name).blackout-previous") }
    /// `.public.blackout-reuse`: the site before the one in place, kept for the next build to
    /// update as its staging folder (see `PreviousOutput`).
    var reuseURL: URL { parent.appendingPathComponent(".\(name).blackout-reuse") }
    /// The old site this build's staging folder started from, when there was one.
    private(set) var previous: PreviousOutput?
    /// `.public.blackout-manifest`: what the last two builds wrote (see `OutputManifest`).
    var manifestPath: String { parent.appendingPathComponent(".\(name).blackout-manifest").path }
    /// `.public.blackout-series`: the reduced series of the last build (see `SeriesCache`).
    var seriesCachePath: String { parent.appendingPathComponent(".\(name).blackout-series").path }
    /// The generation of the site in place, from the manifest (0 without one); read by
    /// `makeStaging`.
    private(set) var manifestGeneration: UInt64 = 0

    init(target: URL, waiting: (String) -> Void) throws {
        self.target = target
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lockPath = Self.lockURL(for: target).path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw OutputError("\(lockPath): \(String(cString: strerror(errno)))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw OutputError("\(lockPath): \(String(cString: strerror(errno)))")
            }
            waiting("another blackout build is writing \(target.path); waiting for it to finish (lock: \(lockPath))")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw OutputError("\(lockPath): \(String(cString: strerror(errno)))")
                }
            }
        }
        lockDescriptor = descriptor
    }

    deinit { close(lockDescriptor) }

    /// Under the lock, what a killed build left is cleaned up: staging folders are removed, and
    /// a site moved aside by an interrupted two-rename swap is put back.
    func recoverInterruptedBuilds() {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(stagingPrefix) {
            try? TreeRemover.remove(parent.appendingPathComponent(entry).path)
        }
        guard OutputFolder.exists(retiredURL.path) else { return }
        if !OutputFolder.exists(target.path) {
            _ = rename(retiredURL.path, target.path)
        } else {
            try? TreeRemover.remove(retiredURL.path)
        }
    }

    /// This build's own staging folder: the kept site of the build before last when there is
    /// one (listed, so unchanged files are not rewritten), otherwise a fresh empty folder.
    func makeStaging() throws -> URL {
        manifestGeneration = OutputManifest.generation(at: manifestPath)
        var info = stat()
        if lstat(reuseURL.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
           OutputFolder.exists(reuseURL.path + "/" + OutputFolder.marker) {
            let url = try makeEmptyStaging(marked: false)
            // rename(2) replaces the empty staging folder with the kept site in one step.
            if rename(reuseURL.path, url.path) == 0 {
                if let listing = PreviousOutput(root: url.path, manifest: manifestPath) {
                    previous = listing
                    return url
                }
                // Not a tree this build can trust (another file system inside, unreadable):
                // start from nothing.
                try TreeRemover.remove(url.path)
                return try makeEmptyStaging()
            }
            try FileSink(root: url).write(OutputFolder.marker, OutputFolder.markerText)
            if OutputFolder.exists(reuseURL.path) { try? TreeRemover.remove(reuseURL.path) }
            return url
        }
        if OutputFolder.exists(reuseURL.path) { try? TreeRemover.remove(reuseURL.path) }
        return try makeEmptyStaging()
    }

    private func makeEmptyStaging(marked: Bool = true) throws -> URL {
        var template = Array(parent.appendingPathComponent(stagingPrefix + "XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw OutputError("cannot create a staging folder in \(parent.path): \(String(cString: strerror(errno)))") }
        let url = URL(fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        // mkdtemp makes the folder private (0700); the site is for a web server to read, so it
        // gets the permissions any new folder would have under the user's umask.
        let mask = umask(0)
        umask(mask)
        chmod(url.path, 0o777 & ~mask)
        if marked { try FileSink(root: url).write(OutputFolder.marker, OutputFolder.markerText) }
        staging = url
        return url
    }

    /// Puts the staged site in place of the output: one atomic exchange where the file system
    /// has it, otherwise two renames (a kill between them leaves the previous site whole under
    /// the retired name, and the next build puts it back). Never a copy.
    func commit() throws {
        guard let staging else { throw OutputError("nothing was staged") }
        if !OutputFolder.exists(target.path) {
            try check(rename(staging.path, target.path), "rename \(staging.path) to \(target.path)")
        } else if blackout_exchange_paths(staging.path, target.path) == 0 {
            // The staging path now holds the previous site.
        } else if errno == EXDEV {
            throw OutputError("\(staging.path) and \(target.path) are on different file systems, so the new site cannot be swapped in atomically")
        } else {
            if OutputFolder.exists(retiredURL.path) { try TreeRemover.remove(retiredURL.path) }
            try check(rename(target.path, retiredURL.path), "rename \(target.path) aside")
            if rename(staging.path, target.path) != 0 {
                let failure = OutputError("rename \(staging.path) to \(target.path): \(String(cString: strerror(errno)))")
                _ = rename(retiredURL.path, target.path)
                throw failure
            }
            keep(retiredURL)
            self.staging = nil
            return
        }
        // The previous site, now under the staging name, is kept for the next build.
        keep(staging)
        self.staging = nil
    }

    /// Keeps an old site as the next build's starting point.
    private func keep(_ site: URL) {
        if OutputFolder.exists(reuseURL.path) { try? TreeRemover.remove(reuseURL.path) }
        if rename(site.path, reuseURL.path) != 0 { try? TreeRemover.remove(site.path) }
    }

    /// Sets this build's staging folder aside after a failure; the output is not touched. A
    /// staging folder that began as the kept site is kept again (the next build compares every
    /// file anyway); a fresh one is removed.
    func discardStaging() {
        if let staging {
            if previous != nil { keep(staging) } else { try? TreeRemover.remove(staging.path) }
        }
        staging = nil
    }

    private func check(_ status: Int32, _ what: String) throws {
        if status != 0 { throw OutputError("\(what): \(String(cString: strerror(errno)))") }
    }
}

struct OutputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
