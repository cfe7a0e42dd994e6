using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// The owner actor of a shared value or array, in the process that created it. It keeps the segment alive while
/// some process uses it, and serves reads and writes by message for processes that cannot map the segment (another
/// host). Every process using the segment is attached (the creating process from the start); the owner death-watches
/// the others' processes. Once no attachment is left (each process's attachment ends when its last handle is
/// collected, or with its process), it removes the segment's file and stops.
/// </summary>
internal sealed class SharedOwner : ReceiveActor
{
    private readonly SharedSegment _segment;
    private readonly int _elementSize;
    private readonly int _length;
    private readonly Dictionary<long, Address> _attachments = [];
    private readonly Dictionary<Address, IActorRef?> _processes = [];   // attached process -> its watch target
    private readonly Dictionary<IActorRef, Address> _watched = [];
    private readonly HashSet<Address> _gone = [];

    /// <summary>The owner of <paramref name="segment"/>, attached from the start by the creating process's attachment <paramref name="creatorAttachment"/>.</summary>
    public SharedOwner(SharedSegment segment, int elementSize, int length, long creatorAttachment)
    {
        _segment = segment;
        _elementSize = elementSize;
        _length = length;
        _attachments[creatorAttachment] = Self.Path.Address;
        _processes[Self.Path.Address] = null;

        Receive<SharedAttach>(OnAttach);
        Receive<SharedDetach>(detach =>
        {
            _attachments.Remove(detach.Id);
            StopWhenUnused();
        });
        Receive<SharedRead>(OnRead);
        Receive<SharedWrite>(OnWrite);
        Receive<Terminated>(OnTerminated);
    }

    private void OnAttach(SharedAttach attach)
    {
        var process = ProcessLiveness.ProcessOf(Sender);
        if (_gone.Contains(process))
        {
            return;
        }

        if (!_processes.ContainsKey(process))
        {
            var target = ProcessLiveness.WatchTarget(process);
            _processes[process] = target;
            if (target is not null)
            {
                _watched[target] = process;
                Context.Watch(target);
            }
        }

        _attachments[attach.Id] = process;
        Sender.Tell(true, Self);
    }

    private void OnRead(SharedRead read)
    {
        if (!InRange(read.Index, read.Count))
        {
            return;
        }

        var bytes = new byte[read.Count * _elementSize];
        SharedMemoryAccess.ReadElements(_segment.Data + ((nint)read.Index * _elementSize), _elementSize, read.Count, bytes);
        GC.KeepAlive(_segment);
        Sender.Tell(bytes, Self);
    }

    private void OnWrite(SharedWrite write)
    {
        if (write.Bytes.Length % _elementSize != 0)
        {
            Sender.Tell(new Status.Failure(new ArgumentException($"A write of {write.Bytes.Length} bytes is not a whole number of {_elementSize}-byte elements.")), Self);
            return;
        }

        if (!InRange(write.Index, write.Bytes.Length / _elementSize))
        {
            return;
        }

        SharedMemoryAccess.WriteElements(_segment.Data + ((nint)write.Index * _elementSize), _elementSize, write.Bytes);
        GC.KeepAlive(_segment);
        Sender.Tell(true, Self);
    }

    private bool InRange(int index, int count)
    {
        if (index >= 0 && count >= 0 && (long)index + count <= _length)
        {
            return true;
        }

        Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(index), index, $"Elements {index}..{(long)index + count - 1} are outside the {_length} elements of the segment.")), Self);
        return false;
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_watched.Remove(terminated.ActorRef, out var process))
        {
            return;
        }

        _gone.Add(process);
        _processes.Remove(process);
        foreach (var id in _attachments.Where(a => a.Value.Equals(process)).Select(a => a.Key).ToList())
        {
            _attachments.Remove(id);
        }

        StopWhenUnused();
    }

    private void StopWhenUnused()
    {
        if (_attachments.Count > 0)
        {
            return;
        }

        SharedSegments.Retire(_segment);
        Context.Stop(Self);
    }
}
