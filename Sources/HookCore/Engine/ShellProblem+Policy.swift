/// How the engine treats what the shell analyzer could not make sense of.
extension ShellProblem {
    /// Tricks that only make sense to hide what runs are denied; everything
    /// else that could not be analysed is asked about.
    var isEvasion: Bool {
        if case .decoderPipedToShell = self { return true }
        return false
    }

    var explanation: String { description }
}
