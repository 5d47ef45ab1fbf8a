/// One artifact a generator produces, relative to the repository root.
public struct GeneratedFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, json: JSONValue) {
        self.init(path: path, text: json.prettyText() + "\n")
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Reads sources (skills) and writes artifacts, so generators stay pure.
public struct ArtifactWriter: Sendable {
    public var outputRoot: String
    public init(outputRoot: String) { self.outputRoot = outputRoot }

    public func write(_ files: [GeneratedFile]) throws(IOError) {
        for file in files {
            try FileSystem.writeAtomically(outputRoot + "/" + file.path, bytes: file.bytes)
        }
    }
}
