import Testing
@testable import HookCore

@Suite struct DecisionIDTests {
    @Test func idsAreWellFormedUniqueAndTimeOrdered() {
        let early = DecisionID.generate(clock: Clock { 1_700_000_000_000 })
        let late = DecisionID.generate(clock: Clock { 1_800_000_000_000 })
        #expect(DecisionID.isValid(early.rawValue))
        #expect(early.rawValue < late.rawValue)
        let many = Set((0..<1000).map { _ in DecisionID.generate().rawValue })
        #expect(many.count == 1000)
    }

    @Test func rejectsMalformedIDs() {
        #expect(!DecisionID.isValid("gh_short"))
        #expect(!DecisionID.isValid("xx_0000000000000000a"))
        #expect(!DecisionID.isValid("gh_ABCDEFGHIJKLMNOPQ"))
    }
}
