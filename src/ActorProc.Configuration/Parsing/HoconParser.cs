using System.Text;
using System.Text.RegularExpressions;

namespace ActorProc.Configuration;

/// <summary>
/// Turns HOCON tokens into an unresolved tree of <see cref="HoconNode"/>s: handles keys, separators,
/// objects, arrays, value concatenation, <c>+=</c>, includes, duplicate-key merging and self-references.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly List<Token> _tokens;
    private readonly string _baseDirectory;
    private readonly ParseContext _context;
    private readonly HoconPath _includePrefix;
    private int _index;
    private int _arrayDepth;
    private HoconPath? _fieldPath;

    private HoconParser(List<Token> tokens, string baseDirectory, ParseContext context, HoconPath includePrefix)
    {
        _tokens = tokens;
        _baseDirectory = baseDirectory;
        _context = context;
        _includePrefix = includePrefix;
    }

    /// <summary>Parses a whole document into an unresolved root object.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="origin">The name used in error messages.</param>
    /// <param name="baseDirectory">The directory relative includes are resolved against.</param>
    /// <param name="filePath">The full path of the parsed file, if any, to detect include cycles.</param>
    public static ObjectNode ParseDocument(string text, string origin, string baseDirectory, string? filePath)
    {
        var context = new ParseContext();
        if (filePath is not null)
        {
            context.IncludeChain.Add(filePath);
        }

        var tokens = HoconTokenizer.Tokenize(text, origin);
        var root = new ObjectNode(new SourceLocation(origin, 1, 1));
        context.Frames.Add(new ScopeFrame(root, HoconPath.Root));
        new HoconParser(tokens, baseDirectory, context, HoconPath.Root).ParseDocumentInto(root, HoconPath.Root);
        return root;
    }

    private static string Quote(Token token) =>
        token.Kind is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.Whitespace ? token.Describe() : $"'{token.Describe()}'";

    private static HoconParseException At(Token token, string description) => HoconParseException.At(token.Location, description);

    private static ScalarNode UnquotedScalar(Token token)
    {
        var value = token.Text switch
        {
            "true" => HoconValue.True,
            "false" => HoconValue.False,
            "null" => HoconValue.Null,
            _ when NumberPattern().IsMatch(token.Text) => HoconValue.FromNumberText(token.Text),
            _ => HoconValue.FromString(token.Text),
        };
        return new ScalarNode(token.Location, value);
    }

    private Token Peek(int offset = 0) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    private void ParseDocumentInto(ObjectNode target, HoconPath? prefix)
    {
        SkipWhitespaceAndNewlines();
        var first = Peek();
        if (first.Kind == TokenKind.LeftBracket)
        {
            throw At(first, "The root of a HOCON document must be an object, not an array");
        }

        if (first.Kind != TokenKind.LeftBrace)
        {
            ParseObjectBody(target, prefix, null);
            return;
        }

        Advance();
        ParseObjectBody(target, prefix, first);
        SkipWhitespaceAndNewlines();
        var trailing = Peek();
        if (trailing.Kind == TokenKind.RightBrace)
        {
            throw At(trailing, "Unbalanced '}': there is no matching '{'");
        }

        if (trailing.Kind != TokenKind.EndOfFile)
        {
            throw At(trailing, $"Unexpected {Quote(trailing)} after the root object");
        }
    }

    private void ParseObjectBody(ObjectNode target, HoconPath? prefix, Token? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.RightBrace when open is not null:
                    Advance();
                    return;
                case TokenKind.EndOfFile when open is null:
                    return;
                case TokenKind.EndOfFile:
                    throw At(token, $"Unbalanced '{{': expected '}}' to close the object opened at line {open.Location.Line}, column {open.Location.Column}");
                case TokenKind.RightBrace:
                    throw At(token, "Unbalanced '}': there is no matching '{'");
                case TokenKind.RightBracket:
                    throw At(token, "Unbalanced ']': there is no matching '['");
                case TokenKind.Comma:
                    throw At(token, "Unexpected ',': expected a key (two commas in a row or a leading comma)");
            }

            if (IsIncludeStatement())
            {
                ParseInclude(target, prefix);
            }
            else
            {
                ParseField(target, prefix);
            }

            SkipWhitespace();
            var after = Peek();
            if (after.Kind == TokenKind.Comma)
            {
                Advance();
            }
            else if (after.Kind is not (TokenKind.Newline or TokenKind.RightBrace or TokenKind.EndOfFile))
            {
                throw At(after, $"Expected ',' or a new line after a field but found {Quote(after)}");
            }
        }
    }

    private void ParseField(ObjectNode target, HoconPath? prefix)
    {
        var (key, keyText) = ParseKey();
        SkipWhitespace();
        var separator = Peek();
        var append = false;
        switch (separator.Kind)
        {
            case TokenKind.Equals:
            case TokenKind.Colon:
                Advance();
                SkipWhitespace();
                break;
            case TokenKind.PlusEquals:
                Advance();
                SkipWhitespace();
                append = true;
                break;
            case TokenKind.LeftBrace:
                break;
            default:
                throw At(separator, $"Expected ':', '=', '+=' or '{{' after key '{keyText}' but found {Quote(separator)}");
        }

        var fieldPath = prefix?.Append(key);
        var savedFieldPath = _fieldPath;
        _fieldPath = fieldPath;
        HoconNode? value;
        try
        {
            value = ParseValue();
        }
        finally
        {
            _fieldPath = savedFieldPath;
        }

        if (value is null)
        {
            var found = Peek();
            throw At(found, $"Missing value for key '{keyText}': found {Quote(found)}");
        }

        if (append)
        {
            var referencePath = fieldPath ?? key;
            var reference = new SubstitutionNode(separator.Location, referencePath, null, true, referencePath.ToString());
            var previous = fieldPath is not null ? FindPrevious(fieldPath) : NodeMerger.Descend(target, key);
            value = new ConcatenationNode(
                value.Location,
                [new SelfReferenceNode(reference, previous, allowEnvironment: false), new ArrayNode(value.Location, [value])]);
        }

        NodeMerger.Assign(target, key, value);
    }

    private (HoconPath Key, string Text) ParseKey()
    {
        var first = Peek();
        if (first.Kind == TokenKind.Substitution)
        {
            throw At(first, "Substitutions are not allowed in keys");
        }

        if (first.Kind is not (TokenKind.Unquoted or TokenKind.QuotedString))
        {
            throw At(first, $"Invalid key: expected a key but found {Quote(first)}");
        }

        var builder = new KeyPathBuilder();
        var text = new StringBuilder();
        var last = first;
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Unquoted)
            {
                builder.AppendUnquoted(token.Text);
                text.Append(token.Text);
            }
            else if (token.Kind == TokenKind.QuotedString)
            {
                builder.AppendQuoted(token.Text);
                text.Append('"').Append(token.Text).Append('"');
            }
            else if (token.Kind == TokenKind.Whitespace && Peek(1).Kind is TokenKind.Unquoted or TokenKind.QuotedString)
            {
                builder.AppendWhitespace(token.Text);
                text.Append(token.Text);
            }
            else if (token.Kind == TokenKind.Substitution)
            {
                throw At(token, "Substitutions are not allowed in keys");
            }
            else
            {
                break;
            }

            if (builder.Error is not null)
            {
                throw At(token, $"Invalid key '{text}': {builder.Error}");
            }

            last = token;
            Advance();
        }

        var path = builder.Build();
        return path is null ? throw At(last, $"Invalid key '{text}': {builder.Error}") : (path, text.ToString());
    }

    private HoconNode? ParseValue()
    {
        var parts = new List<HoconNode>();
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    if (parts.Count > 0)
                    {
                        parts.Add(new ScalarNode(token.Location, HoconValue.FromString(token.Text), isWhitespace: true));
                    }

                    Advance();
                    continue;
                case TokenKind.Unquoted:
                    parts.Add(UnquotedScalar(Advance()));
                    continue;
                case TokenKind.QuotedString:
                    parts.Add(new ScalarNode(token.Location, HoconValue.FromString(Advance().Text)));
                    continue;
                case TokenKind.Substitution:
                    parts.Add(SubstitutionFrom(Advance()));
                    continue;
                case TokenKind.LeftBrace:
                    parts.Add(ParseObjectLiteral());
                    continue;
                case TokenKind.LeftBracket:
                    parts.Add(ParseArray());
                    continue;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is ScalarNode { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new ConcatenationNode(parts[0].Location, parts),
        };
    }

    private HoconNode SubstitutionFrom(Token token)
    {
        var written = token.Path!;
        var path = _includePrefix.IsRoot ? written : _includePrefix.Append(written);
        var fallback = _includePrefix.IsRoot ? null : written;
        var node = new SubstitutionNode(token.Location, path, fallback, token.IsOptional, token.Text);
        return _fieldPath is not null && path.StartsWith(_fieldPath)
            ? new SelfReferenceNode(node, FindPrevious(path), allowEnvironment: true)
            : node;
    }

    private ObjectNode ParseObjectLiteral()
    {
        var open = Advance();
        var prefix = _arrayDepth > 0 ? null : _fieldPath;
        var node = new ObjectNode(open.Location);
        var savedFieldPath = _fieldPath;
        var savedArrayDepth = _arrayDepth;
        _arrayDepth = 0;
        _context.Frames.Add(new ScopeFrame(node, prefix));
        try
        {
            ParseObjectBody(node, prefix, open);
        }
        finally
        {
            _context.Frames.RemoveAt(_context.Frames.Count - 1);
            _fieldPath = savedFieldPath;
            _arrayDepth = savedArrayDepth;
        }

        return node;
    }

    private ArrayNode ParseArray()
    {
        var open = Advance();
        var elements = new List<HoconNode>();
        _arrayDepth++;
        try
        {
            while (true)
            {
                SkipWhitespaceAndNewlines();
                var token = Peek();
                switch (token.Kind)
                {
                    case TokenKind.RightBracket:
                        Advance();
                        return new ArrayNode(open.Location, elements);
                    case TokenKind.EndOfFile:
                        throw At(token, $"Unbalanced '[': expected ']' to close the array opened at line {open.Location.Line}, column {open.Location.Column}");
                    case TokenKind.Comma:
                        throw At(token, "Unexpected ',' in array: expected a value (two commas in a row or a leading comma)");
                }

                var element = ParseValue() ?? throw At(token, $"Expected an array element or ']' but found {Quote(token)}");
                elements.Add(element);
                SkipWhitespace();
                var after = Peek();
                if (after.Kind == TokenKind.Comma)
                {
                    Advance();
                }
                else if (after.Kind is not (TokenKind.Newline or TokenKind.RightBracket or TokenKind.EndOfFile))
                {
                    throw At(after, $"Expected ',' or ']' after an array element but found {Quote(after)}");
                }
            }
        }
        finally
        {
            _arrayDepth--;
        }
    }

    private bool IsIncludeStatement()
    {
        var keyword = Peek();
        if (keyword.Kind != TokenKind.Unquoted || keyword.Text != "include" || Peek(1).Kind != TokenKind.Whitespace)
        {
            return false;
        }

        var target = Peek(2);
        return target.Kind == TokenKind.QuotedString
            || (target.Kind == TokenKind.Unquoted
                && (target.Text.StartsWith("file(", StringComparison.Ordinal)
                    || target.Text.StartsWith("required(", StringComparison.Ordinal)
                    || target.Text.StartsWith("classpath(", StringComparison.Ordinal)
                    || target.Text.StartsWith("url(", StringComparison.Ordinal)));
    }

    private void ParseInclude(ObjectNode target, HoconPath? prefix)
    {
        var keyword = Advance();
        SkipWhitespace();
        var opening = CollectUnquoted();
        var nameToken = Peek();
        if (nameToken.Kind != TokenKind.QuotedString)
        {
            throw At(nameToken, $"Expected a quoted file name after 'include' but found {Quote(nameToken)}");
        }

        Advance();
        var closingToken = Peek();
        var closing = CollectUnquoted();
        var baseDirectory = IncludeLocator.BaseDirectoryFor(keyword, opening, closing, closingToken, _baseDirectory);
        IncludeFile(target, prefix, nameToken, baseDirectory);
    }

    private string CollectUnquoted()
    {
        var text = new StringBuilder();
        while (Peek().Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            var token = Advance();
            if (token.Kind == TokenKind.Unquoted)
            {
                text.Append(token.Text);
            }
        }

        return text.ToString();
    }

    private void IncludeFile(ObjectNode target, HoconPath? prefix, Token nameToken, string baseDirectory)
    {
        var chain = _context.IncludeChain;
        var candidate = IncludeLocator.Locate(nameToken, baseDirectory, chain);
        chain.Add(candidate);
        try
        {
            var tokens = HoconTokenizer.Tokenize(File.ReadAllText(candidate), candidate);
            var parser = new HoconParser(tokens, Path.GetDirectoryName(candidate)!, _context, prefix ?? HoconPath.Root);
            parser.ParseDocumentInto(target, prefix);
        }
        finally
        {
            chain.RemoveAt(chain.Count - 1);
        }
    }

    /// <summary>Finds the value an absolute path had before the field being parsed is assigned.</summary>
    private HoconNode? FindPrevious(HoconPath path)
    {
        for (var i = _context.Frames.Count - 1; i >= 0; i--)
        {
            var frame = _context.Frames[i];
            if (frame.Prefix is null || frame.Prefix.Count >= path.Count || !path.StartsWith(frame.Prefix))
            {
                continue;
            }

            var found = NodeMerger.Descend(frame.Target, path.Skip(frame.Prefix.Count));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    // A JSON number; generated at build time, so that the first parse of a process does not build a regex.
    [GeneratedRegex("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
