namespace ActorProc.Actors;

/// <summary>
/// The behaviors behind <c>Become</c>/<c>Unbecome</c>. <see cref="Current"/> is null while the actor's own
/// <c>Receive</c> applies, so an actor that never changes behavior carries no delegate and no list.
/// <c>Become</c> replaces the top (or pushes, keeping the old one); <c>Unbecome</c> returns to the one below,
/// and finally to the actor's own <c>Receive</c>.
/// </summary>
internal sealed class BehaviorStack
{
    private Receive? _top;
    private List<Receive?>? _below;

    public Receive? Current => _top;

    public void Reset()
    {
        _top = null;
        _below = null;
    }

    public void Become(Receive receive, bool discardOld)
    {
        if (!discardOld)
        {
            (_below ??= []).Add(_top);
        }

        _top = receive;
    }

    public void Unbecome()
    {
        if (_below is { Count: > 0 })
        {
            _top = _below[^1];
            _below.RemoveAt(_below.Count - 1);
        }
        else
        {
            _top = null;
        }
    }
}
