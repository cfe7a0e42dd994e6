using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class DelegateTests
{
    [Fact]
    public void Static_method_delegate_round_trips_and_runs()
    {
        Func<int, int> f = StaticFunctions.Double;
        Assert.Equal(14, RoundTrip.Copy(f)(7));
    }

    [Fact]
    public void Lambda_without_captures_round_trips_and_runs()
    {
        Func<string, string> shout = s => s.ToUpperInvariant() + "!";
        Assert.Equal("HEY!", RoundTrip.Copy(shout)("hey"));
    }

    [Fact]
    public async Task Async_lambda_typed_Func_of_Task_round_trips_although_Task_values_cannot()
    {
        int seed = 20;
        Func<Task<int>> f = async () =>
        {
            await Task.Yield();
            return seed + 1;
        };
        Assert.Equal(21, await RoundTrip.Copy(f)());
        Assert.Throws<SerializationException>(() => RoundTrip.Copy<object>(Task.FromResult(1)));
    }

    [Fact]
    public void A_lambda_made_inside_a_lambda_whose_closure_caches_it_round_trips()
    {
        string captured = "inner";
        Func<Func<string>> outer = () => () => captured;
        var inner = outer();
        Assert.Contains(inner.Target!.GetType().GetFields(), f => f.Name.StartsWith("<>9__", StringComparison.Ordinal));

        Assert.Equal("inner", RoundTrip.Copy(inner)());
    }

    [Fact]
    public void Closure_over_ints_strings_and_lists_round_trips_with_its_captured_values()
    {
        int offset = 10;
        string prefix = "n=";
        var list = new List<int> { 1, 2, 3 };
        Func<int, string> f = x => prefix + (x + offset + list.Sum());
        var copy = RoundTrip.Copy(f);
        offset = 1000;
        Assert.Equal("n=17", copy(1));
    }

    [Fact]
    public void Nested_closures_round_trip()
    {
        int outer = 2;
        Func<int, Func<int, int>> make = a =>
        {
            int inner = a * outer;
            return b => b + inner + outer;
        };
        Func<int, int> made = make(5);
        Assert.Equal(13, RoundTrip.Copy(made)(1));
        Assert.Equal(7, RoundTrip.Copy(make)(2)(1));
    }

    [Fact]
    public void Delegates_sharing_one_closure_still_share_it_after_the_trip()
    {
        int counter = 0;
        Action increment = () => counter++;
        Func<int> read = () => counter;
        var copy = RoundTrip.Copy((increment, read));
        copy.increment();
        copy.increment();
        Assert.Equal(2, copy.read());
        Assert.Equal(0, counter);
    }

    [Fact]
    public void Multicast_delegate_keeps_every_target_in_order()
    {
        var log = new List<string>();
        Action<string> a = s => log.Add("a" + s);
        Action<string> b = s => log.Add("b" + s);
        var copy = RoundTrip.Copy(a + b);
        Assert.Equal(2, copy.GetInvocationList().Length);
        Func<int, int> twice = StaticFunctions.Double;
        twice += StaticFunctions.Triple;
        Assert.Equal(9, RoundTrip.Copy(twice)(3));
    }

    [Fact]
    public void Delegate_in_an_object_field_round_trips()
    {
        int bonus = 5;
        var holder = new Holder { Anything = (Func<int, int>)(x => x + bonus) };
        var copy = RoundTrip.Copy(holder);
        Assert.Equal(6, ((Func<int, int>)copy.Anything!)(1));
    }
}
