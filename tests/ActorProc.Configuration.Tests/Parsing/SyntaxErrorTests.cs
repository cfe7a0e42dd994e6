using ActorProc.Configuration.Tests.Support;

namespace ActorProc.Configuration.Tests.Parsing;

public class SyntaxErrorTests
{
    [Fact]
    public void Default_origin_is_string_placeholder()
    {
        var error = Assert.Throws<HoconParseException>(() => Config.Parse("a = \"open"));

        Assert.Equal("<string>", error.Origin);
        Assert.StartsWith("<string>(1,5): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_is_reported_at_its_opening_quote()
    {
        ParseAssert.FailsAt("a = 1\nb = \"never closed\nc = 2", 2, 5, "Unterminated quoted string");
    }

    [Fact]
    public void Unterminated_string_at_end_of_input_is_reported()
    {
        ParseAssert.FailsAt("key = \"abc", 1, 7, "Unterminated quoted string");
    }

    [Fact]
    public void Unterminated_triple_quoted_string_is_reported()
    {
        ParseAssert.FailsAt("a = 1\n  b = \"\"\"never\nclosed", 2, 7, "Unterminated triple-quoted string");
    }

    [Fact]
    public void Bad_escape_is_reported_at_the_backslash()
    {
        ParseAssert.FailsAt("a = \"ab\\qc\"", 1, 8, "Invalid escape sequence '\\q'");
    }

    [Fact]
    public void Bad_unicode_escape_is_reported_at_the_backslash()
    {
        ParseAssert.FailsAt("a = 1\nb = \"x\\u12G4\"", 2, 7, "Invalid escape sequence '\\u'");
    }

    [Fact]
    public void Unclosed_brace_is_reported_at_end_of_input()
    {
        var error = ParseAssert.FailsAt("a {\n  b = 1\n", 3, 1, "expected '}'");

        Assert.Contains("opened at line 1, column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_closing_brace_is_reported()
    {
        ParseAssert.FailsAt("a = 1\n}", 2, 1, "Unbalanced '}'");
    }

    [Fact]
    public void Extra_closing_brace_after_braced_root_is_reported()
    {
        ParseAssert.FailsAt("{ a = 1 }\n }", 2, 2, "Unbalanced '}'");
    }

    [Fact]
    public void Unclosed_bracket_is_reported_at_end_of_input()
    {
        var error = ParseAssert.FailsAt("a = [1, 2", 1, 10, "expected ']'");

        Assert.Contains("opened at line 1, column 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bracket_closed_by_brace_is_reported()
    {
        ParseAssert.FailsAt("a { b = [1, 2 }", 1, 15, "Expected ',' or ']'");
    }

    [Fact]
    public void Stray_closing_bracket_is_reported()
    {
        ParseAssert.FailsAt("a = 1\n]", 2, 1, "Unbalanced ']'");
    }

    [Fact]
    public void Missing_value_at_end_of_line_is_reported()
    {
        ParseAssert.FailsAt("a = 1\nb = \nc = 3", 2, 5, "Missing value for key 'b'");
    }

    [Fact]
    public void Missing_value_at_end_of_input_is_reported()
    {
        ParseAssert.FailsAt("a :", 1, 4, "Missing value for key 'a'");
    }

    [Fact]
    public void Missing_value_before_closing_brace_is_reported()
    {
        ParseAssert.FailsAt("o { a = }", 1, 9, "Missing value for key 'a'");
    }

    [Fact]
    public void Key_without_separator_is_reported()
    {
        ParseAssert.FailsAt("a = 1\nlonely\n", 2, 7, "Expected ':', '=', '+=' or '{' after key 'lonely'");
    }

    [Fact]
    public void Double_comma_in_object_is_reported()
    {
        ParseAssert.FailsAt("a = 1,, b = 2", 1, 7, "Unexpected ','");
    }

    [Fact]
    public void Double_comma_in_array_is_reported()
    {
        ParseAssert.FailsAt("a = [1,,2]", 1, 8, "Unexpected ','");
    }

    [Fact]
    public void Leading_comma_in_array_is_reported()
    {
        ParseAssert.FailsAt("a = [, 1]", 1, 6, "Unexpected ','");
    }

    [Fact]
    public void Key_starting_with_a_dot_is_invalid()
    {
        ParseAssert.FailsAt("x = 1\n.a = 1", 2, 1, "Invalid key '.a'");
    }

    [Fact]
    public void Key_with_empty_segment_is_invalid()
    {
        ParseAssert.FailsAt("a..b = 1", 1, 1, "Invalid key 'a..b'");
    }

    [Fact]
    public void Key_ending_with_a_dot_is_invalid()
    {
        ParseAssert.FailsAt("a.b. = 1", 1, 1, "Invalid key 'a.b.'");
    }

    [Fact]
    public void Key_that_is_a_symbol_is_invalid()
    {
        ParseAssert.FailsAt("a = 1\n= 2", 2, 1, "Invalid key: expected a key but found '='");
    }

    [Fact]
    public void Substitution_in_key_is_invalid()
    {
        ParseAssert.FailsAt("${a} = 1", 1, 1, "Substitutions are not allowed in keys");
    }

    [Fact]
    public void Reserved_character_outside_quotes_is_reported()
    {
        ParseAssert.FailsAt("a = 1\nb = x^y", 2, 6, "Reserved character '^'");
    }

    [Fact]
    public void Lone_plus_is_reported()
    {
        ParseAssert.FailsAt("a = 1 + 2", 1, 7, "Reserved character '+'");
    }

    [Fact]
    public void Unterminated_substitution_is_reported()
    {
        ParseAssert.FailsAt("a = ${b.c\nd = 1", 1, 5, "Unterminated substitution");
    }

    [Fact]
    public void Empty_substitution_is_reported()
    {
        ParseAssert.FailsAt("a = 1\nb = ${ }", 2, 5, "Empty substitution");
    }

    [Fact]
    public void Substitution_with_invalid_path_is_reported()
    {
        ParseAssert.FailsAt("b = ${a..c}", 1, 5, "Invalid substitution path 'a..c'");
    }

    [Fact]
    public void Root_array_is_rejected()
    {
        ParseAssert.FailsAt("\n[1, 2]", 2, 1, "must be an object");
    }

    [Fact]
    public void Garbage_after_braced_root_is_reported()
    {
        ParseAssert.FailsAt("{ a = 1 } b = 2", 1, 11, "after the root object");
    }

    [Fact]
    public void Two_values_separated_by_a_separator_are_reported()
    {
        ParseAssert.FailsAt("a = b = c", 1, 7, "Expected ',' or a new line");
    }

    [Fact]
    public void Include_without_file_name_is_reported()
    {
        ParseAssert.FailsAt("include file(x)", 1, 16, "Expected a quoted file name after 'include'");
    }

    [Fact]
    public void Columns_count_tabs_as_one_character()
    {
        ParseAssert.FailsAt("a {\n\tb = \"x", 2, 6, "Unterminated quoted string");
    }
}
