import Testing
@testable import HookCore

@Suite("Cloud metadata hosts in every spelling")
struct CloudMetadataDetectorTests {
    @Test("inet_aton spellings of 169.254.169.254", arguments: [
        "169.254.169.254", "2852039166", "0xa9fea9fe", "0XA9FEA9FE", "0251.0376.0251.0376", "0xa9.0xfe.0xa9.0xfe",
        "169.254.43518", "169.16689662", "0251.254.169.254",
    ])
    func ipv4Forms(host: String) {
        #expect(CloudMetadataDetector.ipv4(host) == 0xA9FE_A9FE)
    }

    @Test("not an address", arguments: ["169.254.169.2544", "1.2.3.4.5", "0x", "abc", "", "256.1.1.1", "08.1.1.1"])
    func notIPv4(host: String) {
        #expect(CloudMetadataDetector.ipv4(host) != 0xA9FE_A9FE)
    }

    @Test("IPv6 forms", arguments: [
        ("::ffff:169.254.169.254", CloudMetadataDetector.Service.linkLocal), ("::ffff:a9fe:a9fe", .linkLocal),
        ("0:0:0:0:0:ffff:a9fe:a9fe", .linkLocal), ("64:ff9b::a9fe:a9fe", .linkLocal), ("fd00:ec2::254", .awsIPv6),
        ("::ffff:100.100.100.200", .alibaba),
    ])
    func ipv6Forms(host: String, service: CloudMetadataDetector.Service) {
        #expect(CloudMetadataDetector.ipv6Service(host) == service)
    }

    @Test func unrelatedIPv6() {
        #expect(CloudMetadataDetector.ipv6Service("::1") == nil)
        #expect(CloudMetadataDetector.ipv6Service("2001:db8::1") == nil)
        #expect(CloudMetadataDetector.ipv6Service("not:an:address::x") == nil)
    }

    let any = CloudMetadataDetector(id: "t", services: [.linkLocal, .gcpName, .alibaba, .ecs, .awsIPv6])

    @Test("URLs and words that reach a metadata service", arguments: [
        "http://169.254.169.254/latest/meta-data/", "https://user:pw@169.254.169.254:80/x", "169.254.169.254/latest",
        "http://[::ffff:a9fe:a9fe]/", "http://metadata.google.internal./computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL/",
        "http://169.254.169.254.nip.io/", "http://169-254-169-254.sslip.io/", "urlopen('http://169.254.169.254/')",
        "http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "x 100.100.100.200",
    ])
    func caught(text: String) {
        #expect(any.scan(text), "\(text)")
    }

    @Test("look-alikes that do not", arguments: [
        "https://docs.aws.amazon.com/ec2/instance-metadata", "http://169.254.1.1/", "http://10.0.0.1:8080/",
        "metadata.google.internal.example.com", "https://169.254.169.254.example.org/", "sleep 100", "v169.254.169.254x",
    ])
    func notCaught(text: String) {
        #expect(!any.scan(text), "\(text)")
    }

    @Test func webFetchAndShellSubjects() {
        let engine = Engine(home: "/home/dev")
        let web = ToolCall(host: HostID(rawValue: "claude"), toolName: "WebFetch", kind: .web, url: "http://0xa9fea9fe/")
        #expect(engine.evaluate(web, id: DecisionID(rawValue: "gh_test0000000000000")).verdict == .deny)
        let shell = ToolCall(host: HostID(rawValue: "claude"), toolName: "Bash", kind: .shell,
                             command: "H=169.254.169.254; curl http://$H/latest/")
        #expect(engine.evaluate(shell, id: DecisionID(rawValue: "gh_test0000000000000")).verdict == .deny)
    }
}
