import Foundation
import HookCore

/// `--components`: where the output-scan time goes, detector by detector.
enum ComponentBench {
    static func run() {
        let text = InProcessBench.mixedOutput(bytes: 1 << 20)
        let adversarial = InProcessBench.adversarialOutput(bytes: 1 << 20)
        for (name, sample) in [("mixed", text), ("adversarial", adversarial)] {
            print("\(name) 1 MiB (ms):")
            for detector in Redactor.defaultDetectors {
                let r = Redactor(detectors: [detector], decodesEncodedValues: false)
                let t = InProcessBench.median(runs: 5) { _ = r.findings(in: sample) } * 1000
                print("  \(detector.type.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", t))")
            }
            let foundation: Set<String> = ["secret_assignment", "aadhaar", "id_nik", "id_npwp", "in_pan", "sg_nric"]
            let original = Redactor(
                detectors: Redactor.defaultDetectors.filter { !foundation.contains($0.type) && !($0 is IndonesianPhoneDetector) },
                decodesEncodedValues: false)
            print("  foundation detectors    \(String(format: "%8.2f", InProcessBench.median(runs: 5) { _ = original.findings(in: sample) } * 1000))")
            let all = Redactor(decodesEncodedValues: false)
            print("  all, no decoding        \(String(format: "%8.2f", InProcessBench.median(runs: 5) { _ = all.findings(in: sample) } * 1000))")
            let decoding = Redactor()
            print("  all, decoding           \(String(format: "%8.2f", InProcessBench.median(runs: 5) { _ = decoding.findings(in: sample) } * 1000))")
            let scanner = PromptInjectionScanner()
            print("  prompt injection        \(String(format: "%8.2f", InProcessBench.median(runs: 5) { _ = scanner.scan(sample) } * 1000))")
        }
        let sql = "SELECT u.id, count(o.id) FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.created_at > $1 GROUP BY u.id"
        print("SQL inspect (µs): \(String(format: "%.2f", InProcessBench.median(runs: 2000) { _ = SQLInspector.inspect(sql) } * 1e6))")
        print("SQL tokenize (µs): \(String(format: "%.2f", InProcessBench.median(runs: 2000) { _ = SQLTokenizer.tokenize(sql) } * 1e6))")
    }
}
