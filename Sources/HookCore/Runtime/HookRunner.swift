/// Runs one hook invocation: payload in, host output out. Pure apart from the
/// audit sink, so every fail posture is testable without a process.
public struct HookRunner<Codec: HostCodec>: Sendable {
    public var codec: Codec
    public var engine: Engine
    public var configuration: HookConfiguration
    public var audit: any AuditSink
    public var clock: Clock

    public init(
        codec: Codec, configuration: HookConfiguration, audit: (any AuditSink)? = nil, clock: Clock = .system,
        engine: Engine? = nil
    ) {
        self.codec = codec
        self.configuration = configuration
        self.engine = engine ?? Engine(home: configuration.home, mode: configuration.mode)
        self.audit = audit ?? AuditLogFile(path: configuration.auditLogPath)
        self.clock = clock
    }

    public func run(_ event: HookEvent, input: [UInt8]) -> HookOutput {
        var output: HookOutput
        let payload: JSONValue
        do {
            payload = try JSONParser.parse(bytes: input)
        } catch {
            return withNotes(fail(event, problem: "the hook input is not valid JSON (\(error))", input: input))
        }
        switch event {
        case .preToolUse: output = runPre(payload, input: input)
        case .postToolUse, .postToolUseFailure: output = runPost(event, payload, input: input)
        }
        return withNotes(output)
    }

    func runPre(_ payload: JSONValue, input: [UInt8]) -> HookOutput {
        let calls: [ToolCall]
        do {
            calls = try codec.decodeCalls(payload)
        } catch {
            return fail(.preToolUse, problem: error.description, input: input)
        }
        guard var call = calls.first else {
            return fail(.preToolUse, problem: "the hook input holds no tool call", input: input)
        }
        let id = DecisionID.generate(clock: clock)
        var decision = engine.evaluate(call, id: id)
        // One host call may carry several effects: the strictest decides, one record.
        for other in calls.dropFirst() {
            let candidate = engine.evaluate(other, id: id)
            if candidate.verdict > decision.verdict { (decision, call) = (candidate, other) }
        }
        let enforced = configuration.mode == .observe ? .allow : decision.verdict
        var output = codec.encodePre(decision, enforced: enforced, call: call)
        if configuration.mode == .observe, decision.verdict == .deny || decision.verdict == .ask {
            output.stderr += DecisionMessage.observed(decision, tool: call.toolName) + "\n"
        }
        record(decision, enforced: enforced, call: call, event: .preToolUse, input: input, output: &output)
        return output
    }

    func runPost(_ event: HookEvent, _ payload: JSONValue, input: [UInt8]) -> HookOutput {
        let result: ToolResult
        do {
            result = try codec.decodeResult(payload, event: event)
        } catch {
            return fail(event, problem: error.description, input: input)
        }
        let id = DecisionID.generate(clock: clock)
        var (redacted, decision) = engine.scanOutput(result.response, id: id, tool: result.call.toolName)
        if result.evaluatesCall {
            // Already done: the policy verdict is recorded (strictest wins) but not enforceable.
            let policy = engine.evaluate(result.call, id: id)
            if policy.verdict > decision.verdict {
                let findings = decision.findings, warnings = decision.warnings
                decision = policy
                decision.findings = findings
                decision.warnings += warnings
            }
        }
        let changed = decision.verdict == .redact && configuration.mode == .enforce && codec.replacesToolOutput
        var output = codec.encodePost(decision, redacted: changed ? redacted : nil, result: result)
        record(decision, enforced: changed ? .redact : .allow, call: result.call, event: event, input: input, output: &output)
        return output
    }

    /// Fail posture for unreadable input: a PreToolUse call is denied (never a
    /// silent allow), a PostToolUse output passes unchanged with a note. Both
    /// are decisions and are audited.
    func fail(_ event: HookEvent, problem: String, input: [UInt8]) -> HookOutput {
        let id = DecisionID.generate(clock: clock)
        let call = ToolCall(host: codec.host, toolName: "unknown", kind: .other)
        let pre = event == .preToolUse
        let decision = Decision(
            verdict: pre ? .deny : .allow, reason: problem, policyIDs: ["builtin.input.unreadable"], risk: .high, id: id)
        let message = pre
            ? "Gatehouse could not check this tool call: \(problem) (decision \(id)). It was blocked to be safe; "
                + "run `gatehouse doctor` to check the installation."
            : "Gatehouse could not read this tool output: \(problem) (decision \(id)). The output was passed on unchanged."
        var output = codec.encodeFailure(event, message: message)
        record(decision, enforced: decision.verdict, call: call, event: event, input: input, output: &output)
        return output
    }

    func record(
        _ decision: Decision, enforced: Verdict, call: ToolCall, event: HookEvent, input: [UInt8], output: inout HookOutput
    ) {
        let record = AuditRecord(
            timestamp: Timestamp.rfc3339(millisecondsSinceEpoch: clock.millisecondsSinceEpoch()),
            decisionID: decision.id, host: call.host, event: event.rawValue, tool: call.toolName, kind: call.kind,
            verdict: decision.verdict, enforced: enforced, policyIDs: decision.policyIDs, risk: decision.risk,
            reason: decision.reason, summary: AuditRecord.summary(of: call, redactor: engine.redactor),
            inputSHA256: Digest.sha256Hex(input), findings: decision.findings, sessionID: call.sessionID,
            cwd: call.cwd, mode: configuration.mode, policySources: decision.policySources)
        do {
            try audit.append(record)
        } catch {
            // The decision stands; losing the record is reported, not hidden.
            output.stderr += "Gatehouse: audit record \(decision.id) not written: \(error)\n"
        }
    }

    func withNotes(_ output: HookOutput) -> HookOutput {
        guard !configuration.notes.isEmpty else { return output }
        var output = output
        output.stderr = configuration.notes.joined(separator: "\n") + "\n" + output.stderr
        return output
    }
}
