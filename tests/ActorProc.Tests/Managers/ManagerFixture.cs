using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

/// <summary>One manager process shared by the tests of a class (each test makes its own objects in it).</summary>
public sealed class ManagerFixture : IDisposable
{
    public mp.Manager Manager { get; } = mp.Manager.Start();

    public void Dispose() => Manager.Dispose();
}
