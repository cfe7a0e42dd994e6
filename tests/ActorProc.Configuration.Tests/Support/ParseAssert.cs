namespace ActorProc.Configuration.Tests.Support;

public static class ParseAssert
{
    /// <summary>Parses <paramref name="hocon"/> expecting a parse error at the given line and column.</summary>
    public static HoconParseException FailsAt(string hocon, int line, int column, string messagePart)
    {
        var error = Assert.Throws<HoconParseException>(() => Config.Parse(hocon, "test.conf"));
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"test.conf({line},{column}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }
}
