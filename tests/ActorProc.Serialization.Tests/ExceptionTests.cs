using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class ExceptionTests
{
    private static T Thrown<T>(Func<T> create)
        where T : Exception
    {
        try
        {
            throw create();
        }
        catch (T e)
        {
            return e;
        }
    }

    [Fact]
    public void Exception_keeps_type_message_stack_trace_and_data()
    {
        var original = Thrown(() => new InvalidOperationException("boom"));
        original.Data["order"] = 42;
        var copy = RoundTrip.Copy<Exception>(original);
        Assert.IsType<InvalidOperationException>(copy);
        Assert.Equal("boom", copy.Message);
        Assert.Equal(42, copy.Data["order"]);
        Assert.Contains(nameof(Thrown), copy.StackTrace);
        Assert.Contains(original.StackTrace!.Trim(), copy.StackTrace);
        Assert.Equal(original.HResult, copy.HResult);
    }

    [Fact]
    public void Deserialized_exception_can_be_thrown_and_keeps_the_remote_stack_trace()
    {
        var copy = RoundTrip.Copy<Exception>(Thrown(() => new TimeoutException("slow")));
        var rethrown = Assert.Throws<TimeoutException>(new Action(() => throw copy));
        Assert.Equal("slow", rethrown.Message);
        Assert.Contains(nameof(Thrown), rethrown.StackTrace);
    }

    [Fact]
    public void Inner_exceptions_user_fields_and_argument_details_are_kept()
    {
        var original = Thrown(() => new OrderFailedException("order failed", 17, new ArgumentNullException("qty", "missing")));
        var copy = Assert.IsType<OrderFailedException>(RoundTrip.Copy<Exception>(original));
        Assert.Equal(17, copy.OrderId);
        var inner = Assert.IsType<ArgumentNullException>(copy.InnerException);
        Assert.Equal("qty", inner.ParamName);
    }

    [Fact]
    public void Aggregate_exception_keeps_all_inner_exceptions()
    {
        var original = new AggregateException(new KeyNotFoundException("k"), new FormatException("f"));
        var copy = Assert.IsType<AggregateException>(RoundTrip.Copy<object>(original));
        Assert.Equal(2, copy.InnerExceptions.Count);
        Assert.IsType<KeyNotFoundException>(copy.InnerExceptions[0]);
        Assert.Equal("f", copy.InnerExceptions[1].Message);
        Assert.Same(copy.InnerExceptions[0], copy.InnerException);
    }

    [Fact]
    public void Operation_canceled_exception_travels_without_its_process_local_token()
    {
        using var cts = new CancellationTokenSource();
        var copy = RoundTrip.Copy<Exception>(new OperationCanceledException("stopped", cts.Token));
        Assert.IsType<OperationCanceledException>(copy);
        Assert.Equal("stopped", copy.Message);
    }
}
