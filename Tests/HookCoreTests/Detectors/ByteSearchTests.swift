import Testing

@testable import HookCore

/// The word-at-a-time searches must agree with the byte tests they stand for,
/// for every byte value in every lane, or a scan silently skips a match.
@Suite struct ByteSearchTests {
    @Test func letterAndAlnumMasksAreExactForEveryByteInEveryLane() {
        for value in 0...255 {
            let b = UInt8(value)
            for lane in 0..<8 {
                // Fill the other lanes with a byte of the opposite class.
                let filler: UInt8 = ASCII.isAlnum(b) ? UInt8(ascii: " ") : UInt8(ascii: "a")
                var word: UInt64 = 0
                for k in 0..<8 { word |= UInt64(k == lane ? b : filler) << (8 * k) }
                let bit: UInt64 = 0x80 << (8 * UInt64(lane))
                #expect((WordMask.letters(word) & bit != 0) == ASCII.isLetter(b), "byte \(value) lane \(lane)")
                #expect((WordMask.alnums(word) & bit != 0) == ASCII.isAlnum(b), "byte \(value) lane \(lane)")
            }
        }
    }

    @Test func firstAlnumAndFirstNonAlnumMatchAByteByByteSearch() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pool: [UInt8] = Array("aZ09 '-_@\u{7F}".utf8) + [0x80, 0xC3, 0xFF, 0x00]
                bytes.append(pool[Int(state >> 33) % pool.count])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.withUnsafeBufferPointer { buffer in
                let text = ByteText(buffer)
                for start in 0...buffer.count {
                    let alnum = buffer[start...].firstIndex(where: ASCII.isAlnum) ?? buffer.count
                    let other = buffer[start...].firstIndex(where: { !ASCII.isAlnum($0) }) ?? buffer.count
                    #expect(text.firstAlnum(from: start) == alnum)
                    #expect(text.firstNonAlnum(from: start) == other)
                }
            }
        }
    }
}
