namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// Stands for the exception of an event logged in a child process: its type name and message, and as text exactly
/// what the child's <c>ToString()</c> gave (type, message, stack trace, inner exceptions).
/// </summary>
internal sealed class ForwardedException(string? originalType, string? message, string text) : Exception(message)
{
    /// <summary>The full type name of the exception in the child.</summary>
    public string? OriginalType { get; } = originalType;

    public override string ToString() => text;
}
