#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum ProcessEnvironment {
    /// The process environment as a dictionary, read from `environ`.
    public static func current() -> [String: String] { current(where: { _ in true }) }

    /// The variables a hook reads (`GATEHOUSE_*`, `HOME`, `XDG_*`,
    /// `ProgramData`): a host passes dozens of others, not worth a string each.
    public static func hookVariables() -> [String: String] {
        current { name in
            name.starts(with: "GATEHOUSE_".utf8) || name.starts(with: "XDG_".utf8) || name.elementsEqual("HOME".utf8)
                || name.elementsEqual("ProgramData".utf8)
        }
    }

    /// Variables whose name (the bytes before `=`) passes `keep`.
    public static func current(where keep: (UnsafeBufferPointer<UInt8>) -> Bool) -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let length = strlen(entry)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: length)
            let nameEnd = bytes.firstIndex(of: UInt8(ascii: "=")) ?? length
            guard keep(UnsafeBufferPointer(rebasing: bytes[..<nameEnd])) else {
                pointer += 1
                continue
            }
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
