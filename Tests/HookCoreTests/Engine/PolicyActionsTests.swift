import Testing
@testable import HookCore

@Suite struct PolicyActionsTests {
    @Test func behavesAsASetOfActions() {
        var actions: PolicyActions = [.readFile, .executeShell, .readFile]
        #expect(actions.count == 2)
        #expect(actions.contains(.readFile) && actions.contains(.executeShell))
        #expect(!actions.contains(.writeFile))
        let first = actions.insert(.writeFile)
        let again = actions.insert(.writeFile)
        #expect(first && !again)
        // Iteration follows PolicyAction.allCases, whatever the literal's order.
        #expect(Array(actions) == [.executeShell, .writeFile, .readFile])
        #expect(actions == PolicyActions([.writeFile, .readFile, .executeShell]))
        #expect(actions.description == "[execute:shell, write:file, read:file]")
    }

    @Test func emptyMeansEveryAction() {
        let none: PolicyActions = []
        #expect(none.isEmpty && none.count == 0 && Array(none).isEmpty)
        // Every action has its own bit.
        let all = PolicyActions(PolicyAction.allCases)
        #expect(all.count == PolicyAction.allCases.count)
    }
}
