import Hummingbird
import NIOCore
import ServiceLifecycle

extension DevServer {
    /// GET and HEAD of the served site, its 404 page, folder redirects, ETags, and the reload
    /// event stream. Nothing but the files of the last good build is ever served.
    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        if target == LiveReload.eventsPath || target.hasPrefix(LiveReload.eventsPath + "?") {
            return events(head: request.method == .head)
        }
        let site = current.withLock { $0 }
        if site.files.isEmpty {
            // No build has succeeded yet: every page is the list of errors.
            return file(ServedSite.File(bytes: LiveReload.errorPage(site.errors), contentType: ContentType.of("x.html"), etag: ""),
                        status: .internalServerError, site: site, request: request)
        }
        switch RequestPath.resolve(target, exists: { site.files[$0] != nil || site.searchFiles[$0] != nil }) {
        case .file(let path):
            guard let found = site.files[path] ?? site.searchFiles[path] else { return notFound(site, request) }
            return file(found, status: .ok, site: site, request: request)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            return notFound(site, request)
        }
    }

    private func notFound(_ site: ServedSite, _ request: Request) -> Response {
        let page = site.files["404.html"] ?? ServedSite.File(bytes: Array("Not found\n".utf8), contentType: "text/plain; charset=utf-8", etag: "")
        return file(page, status: .notFound, site: site, request: request)
    }

    private func file(_ file: ServedSite.File, status: HTTPResponse.Status, site: ServedSite, request: Request) -> Response {
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache"]
        let html = file.contentType.hasPrefix("text/html")
        // A page's bytes depend on the errors shown over it and the search index's state, so its
        // ETag does too.
        let marked = html && (!site.errors.isEmpty || site.searchStale)
        let etag = file.etag.isEmpty ? nil : marked ? "\"e\(site.generation)\(site.searchStale ? "s" : "")-" + file.etag.dropFirst() : file.etag
        if let etag {
            headers[.eTag] = etag
            if status == .ok, let asked = request.headers[.ifNoneMatch],
               asked.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }) {
                return Response(status: .notModified, headers: headers)
            }
        }
        let bytes = html ? LiveReload.inject(into: file.bytes, errors: site.errors, searchStale: site.searchStale) : file.bytes
        headers[.contentLength] = String(bytes.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `text/event-stream`: a `reload` event after every rebuild, as long as the page is open.
    private func events(head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        if head { return Response(status: .ok, headers: headers) }
        let (stream, end) = reloads.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            // A stream never ends by itself; on Ctrl-C it is ended so the server can stop.
            try await withGracefulShutdownHandler {
                for await event in stream {
                    switch event {
                    case .reload(let generation): try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                    case .searchReady: try await writer.write(ByteBuffer(string: "event: search\ndata: ready\n\n"))
                    }
                }
            } onGracefulShutdown: {
                end()
            }
            try await writer.finish(nil)
        })
    }
}
