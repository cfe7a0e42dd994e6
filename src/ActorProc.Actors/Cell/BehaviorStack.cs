namespace ActorProc.Actors;

/// <summary>
/// The stack of receive functions behind <c>Become</c>/<c>Unbecome</c>; the top one handles messages.
/// <c>Become</c> replaces the top (or pushes when old behaviors are kept); <c>Unbecome</c> pops, and an
/// empty stack falls back to the actor's initial behavior.
/// </summary>
internal sealed class BehaviorStack
{
    private readonly List<Receive> _stack = new(2);
    private Receive? _initial;

    public Receive Current => _stack[^1];

    public void Reset(Receive initial)
    {
        _initial = initial;
        _stack.Clear();
        _stack.Add(initial);
    }

    public void Become(Receive receive, bool discardOld)
    {
        if (discardOld && _stack.Count > 0)
        {
            _stack[^1] = receive;
        }
        else
        {
            _stack.Add(receive);
        }
    }

    public void Unbecome()
    {
        if (_stack.Count > 0)
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        if (_stack.Count == 0 && _initial is not null)
        {
            _stack.Add(_initial);
        }
    }

    public void Clear()
    {
        _stack.Clear();
        _initial = null;
    }
}
