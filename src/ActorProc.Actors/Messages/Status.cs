namespace ActorProc.Actors;

/// <summary>Replies that report an outcome; an <c>Ask</c> answered with <see cref="Failure"/> fails with its cause.</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>A successful outcome with an optional value.</summary>
    public sealed class Success : Status
    {
        /// <summary>Creates the reply.</summary>
        public Success(object? value) => Value = value;

        /// <summary>The value.</summary>
        public object? Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"Success: {Value}";
    }

    /// <summary>A failed outcome; an ask that gets it throws <see cref="Cause"/>.</summary>
    public sealed class Failure : Status
    {
        /// <summary>Creates the reply.</summary>
        public Failure(Exception cause) => Cause = cause ?? throw new ArgumentNullException(nameof(cause));

        /// <summary>The exception.</summary>
        public Exception Cause { get; }

        /// <inheritdoc />
        public override string ToString() => $"Failure: {Cause.GetType().Name}: {Cause.Message}";
    }
}
