/// Word expansion as far as it is knowable before running: brace expansion,
/// tilde, parameters (with the common `${...}` operators) and field splitting
/// of unquoted expansions. Command substitutions and unknown variables keep
/// their source text, marked unresolved. Globs stay as text.
extension ShellParser {
    /// A command word into fields.
    mutating func expandFields(_ word: Word) -> [Field] {
        var fields: [Field] = []
        appendFields(of: word, to: &fields)
        return fields
    }

    mutating func appendFields(of word: Word, to fields: inout [Field]) {
        if let plain = word.plain, !plain.contains(Byte.openBrace), !plain.contains(where: Byte.isGlob) {
            fields.append(Field(bytes: plain))
        } else {
            fields.append(contentsOf: expandFields(word.parts))
        }
    }

    mutating func expandFields(_ parts: [WordPart]) -> [Field] {
        // Fast path: a plain or fully quoted word is its own single field.
        if parts.count == 1, case .literal(let bytes, let quoted) = parts[0],
           quoted || (!bytes.contains(Byte.openBrace) && !bytes.contains(where: Byte.isGlob)) {
            return [Field(bytes: bytes)]
        }
        guard let alternatives = BraceExpansion.expand(parts) else {
            return expandWithoutBraces(parts)
        }
        var fields: [Field] = []
        for alternative in alternatives {
            fields.append(contentsOf: expandWithoutBraces(alternative))
        }
        return fields
    }

    /// Without field splitting: assignment values, redirection targets,
    /// here-document bodies.
    mutating func expandJoined(_ parts: [WordPart]) -> Field {
        var builder = FieldBuilder()
        for part in parts { append(part, to: &builder, splitting: false) }
        return builder.joined()
    }

    private mutating func expandWithoutBraces(_ parts: [WordPart]) -> [Field] {
        var builder = FieldBuilder()
        for part in parts { append(part, to: &builder, splitting: true) }
        return builder.finish()
    }

    private mutating func append(_ part: WordPart, to builder: inout FieldBuilder, splitting: Bool) {
        switch part {
        case .literal(let bytes, let quoted):
            builder.appendLiteral(bytes, quoted: quoted)
        case .tilde(let user):
            if user.isEmpty, let home = lookup(Array("HOME".utf8)) {
                builder.appendValue(home, separators: nil)
            } else {
                builder.appendMarker([Byte.tilde] + user, decoder: nil)
            }
        case .parameter(let reference, let quoted):
            appendParameter(reference, quoted: quoted || !splitting, to: &builder)
        case .substitution(let substitution, let quoted):
            if let output = substitution.output {
                builder.appendValue(Field(bytes: output), separators: quoted || !splitting ? nil : fieldSeparators())
            } else {
                builder.appendMarker(substitution.source, decoder: substitution.decoder)
            }
        }
    }

    private mutating func appendParameter(_ reference: ParameterReference, quoted: Bool, to builder: inout FieldBuilder) {
        let name = reference.name
        if !quoted, name.elementsEqual("IFS".utf8) { collector.report(.ifsManipulation) }
        let separators = quoted ? nil : fieldSeparators()
        if name == [Byte.at] || name == [Byte.star] {
            appendPositionalList(reference, quoted: quoted, separators: separators, to: &builder)
            return
        }
        guard let value = lookup(name) else {
            builder.appendMarker(reference.source, decoder: nil)
            return
        }
        collector.charge(value.bytes.count)
        switch reference.operation {
        case .plain:
            builder.appendValue(value, separators: separators)
        case .fallback(let ifEmpty, let word):
            if ifEmpty, value.bytes.isEmpty {
                builder.appendValue(expandJoined(word), separators: separators)
            } else {
                builder.appendValue(value, separators: separators)
            }
        case .alternative(let ifEmpty, let word):
            if !(ifEmpty && value.bytes.isEmpty) {
                builder.appendValue(expandJoined(word), separators: separators)
            }
        case .length where !value.isUnresolved:
            builder.appendValue(Field(String(value.string.unicodeScalars.count)), separators: nil)
        case .substring(let offset, let length) where !value.isUnresolved:
            let scalars = Array(value.string.unicodeScalars)
            let start = min(max(offset >= 0 ? offset : scalars.count + offset, 0), scalars.count)
            var stop = scalars.count
            if let length { stop = length >= 0 ? min(start + length, scalars.count) : max(scalars.count + length, start) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<stop])
            var piece = Field(String(text))
            piece.absorbFlags(of: value)
            builder.appendValue(piece, separators: separators)
        default:
            builder.appendMarker(reference.source, decoder: nil)
        }
    }

    /// `$@` / `$*`: known only inside `bash -c STRING name args...`.
    private mutating func appendPositionalList(
        _ reference: ParameterReference, quoted: Bool, separators: [UInt8]?, to builder: inout FieldBuilder
    ) {
        guard let positional = collector.positional, case .plain = reference.operation else {
            builder.appendMarker(reference.source, decoder: nil)
            return
        }
        let arguments = positional.dropFirst()
        if quoted, reference.name == [Byte.at] {
            for (offset, argument) in arguments.enumerated() {
                if offset > 0 { builder.breakField() }
                builder.appendValue(argument, separators: nil)
            }
            return
        }
        var joined = Field()
        for (offset, argument) in arguments.enumerated() {
            if offset > 0 { joined.bytes.append(Byte.space) }
            joined.bytes.append(contentsOf: argument.bytes)
            joined.absorbFlags(of: argument)
        }
        builder.appendValue(joined, separators: separators)
    }

    /// A variable's value for the current variant, nil when unknown.
    mutating func lookup(_ name: [UInt8]) -> Field? {
        if let first = name.first, Byte.isDigit(first) {
            guard let positional = collector.positional, name.count < 6 else { return nil }
            let number = name.reduce(0) { $0 * 10 + Int($1 - Byte.zero) }
            return number < positional.count ? positional[number] : Field()
        }
        if name == [Byte.hash] {
            return collector.positional.map { Field(String(max($0.count - 1, 0))) }
        }
        if name.count == 1, ShellParser.isSpecialParameter(name[0]) { return nil }
        guard let candidates = collector.candidates(of: name.string), !candidates.isEmpty else { return nil }
        candidatesSeen = max(candidatesSeen, candidates.count)
        return candidates[min(variant, candidates.count - 1)]
    }

    /// The bytes unquoted expansions split on: `$IFS` when the line set it.
    private mutating func fieldSeparators() -> [UInt8] {
        if let value = collector.variables["IFS"]?.first, !value.isUnresolved { return Array(value.bytes) }
        return [Byte.space, Byte.tab, Byte.newline]
    }
}

/// Builds the fields of one word. Literal text never splits; unquoted
/// expansion values split on the separators.
struct FieldBuilder {
    private var fields: [Field] = []
    private var current = Field()
    private var started = false

    mutating func appendLiteral(_ bytes: [UInt8], quoted: Bool) {
        if !quoted, FieldBuilder.hasGlob(bytes[...]) { current.hasGlob = true }
        current.bytes.append(contentsOf: bytes)
        started = true
    }

    mutating func appendMarker(_ source: [UInt8], decoder: String?) {
        current.bytes.append(contentsOf: source)
        current.isUnresolved = true
        if let decoder { current.decoder = decoder }
        started = true
    }

    /// A value: verbatim when `separators` is nil (quoted), else split.
    mutating func appendValue(_ value: Field, separators: [UInt8]?) {
        // An unresolved value is a marker such as `$(cmd)`: splitting it would
        // only produce fragments of the marker.
        guard let separators, !value.isUnresolved else {
            current.bytes.append(contentsOf: value.bytes)
            current.absorbFlags(of: value)
            started = true
            return
        }
        let globs = FieldBuilder.hasGlob(value.bytes)
        let firstNew = fields.count
        for byte in value.bytes {
            if separators.contains(byte) {
                breakField()
            } else {
                current.bytes.append(byte)
                started = true
            }
        }
        for position in firstNew..<fields.count { mark(&fields[position], with: value, globs: globs) }
        if started { mark(&current, with: value, globs: globs) }
    }

    /// `*`, `?`, or a `[` closed later by `]` (a lone `[` is the test command).
    static func hasGlob(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let bracket = bytes.firstIndex(where: Byte.isGlob) else { return false }
        if bytes[bracket] != Byte.openBracket { return true }
        if bytes[bracket...].contains(Byte.star) || bytes[bracket...].contains(Byte.question) { return true }
        return bytes[(bracket + 1)...].contains(Byte.closeBracket)
    }

    private func mark(_ field: inout Field, with value: Field, globs: Bool) {
        field.absorbFlags(of: value)
        if globs { field.hasGlob = true }
    }

    mutating func breakField() {
        if started { fields.append(current) }
        current = Field()
        started = false
    }

    mutating func finish() -> [Field] {
        breakField()
        return fields
    }

    /// Everything as one field (pieces joined by a space).
    mutating func joined() -> Field {
        guard !fields.isEmpty else { return current }
        var result = fields[0]
        for field in fields.dropFirst() + [current] {
            result.bytes.append(Byte.space)
            result.bytes.append(contentsOf: field.bytes)
            result.absorbFlags(of: field)
        }
        return result
    }
}
