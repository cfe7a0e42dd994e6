using Xunit.Sdk;

namespace ActorProc.TestKit.Xunit2;

/// <summary>A TestKit expectation failed; xunit reports it as a test failure with this message.</summary>
public sealed class TestKitAssertionException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }
}
