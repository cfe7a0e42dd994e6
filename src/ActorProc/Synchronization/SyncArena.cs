using ActorProc.Multiprocessing.Native;
using ActorProc.Multiprocessing.Shared;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The shared memory holding the state of the semaphores and events this process creates: cells cut from 64 KB
/// segments (one file each under <c>/dev/shm</c>), each cell on cache lines of its own. Like the objects' owners here,
/// the segments live as long as this process (their files go at its exit, or with the sweep of dead creators).
/// </summary>
internal static class SyncArena
{
    private const int SegmentWords = 16 * 1024;
    private const int LineWords = 16;

    private static readonly object Gate = new();
    private static readonly List<SharedBlock> Segments = [];
    private static int _used = SegmentWords;

    /// <summary>The file names of this process's segments (they are not values a test could leak).</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate)
            {
                return [.. Segments.Select(s => s.Name).OfType<string>()];
            }
        }
    }

    /// <summary>
    /// Zeroed memory for a cell of <paramref name="words"/> 4-byte words: in a shared segment other processes can map
    /// (the block and the cell's word offset in it), or, when none can be created (no <c>/dev/shm</c>, no futexes), in
    /// private memory (other processes then call the object's owner by message).
    /// </summary>
    public static (nint Data, SharedBlock? Block, int Offset) Allocate(int words)
    {
        if (Futex.IsSupported && words <= SegmentWords)
        {
            try
            {
                lock (Gate)
                {
                    if (_used + words > SegmentWords)
                    {
                        Segments.Add(SharedBlock.Create(sizeof(int), SegmentWords, "synchronization object"));
                        _used = 0;
                    }

                    var block = Segments[^1];
                    int offset = _used;
                    _used += (words + LineWords - 1) / LineWords * LineWords;
                    return (block.Attachment.Data + (offset * sizeof(int)), block, offset);
                }
            }
            catch (IOException)
            {
                // No shared memory to be had: the object still works, by message for other processes.
            }
        }

        unsafe
        {
            // Kept for the life of the process, as the object's owner is.
            return ((nint)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)words, sizeof(int)), null, 0);
        }
    }
}
