namespace ActorProc.Multiprocessing.Shared;

// Messages between shared value/array handles and the owner actor of their segment. Elements travel as their raw
// bytes (the owner does not need the element type); all ActorProc hosts are little-endian (x64, arm64).

/// <summary>A process starts using the segment (attachment <paramref name="Id"/>); the owner replies true and keeps the segment for it until it detaches or its process dies.</summary>
internal sealed record SharedAttach(long Id);

/// <summary>The attachment <paramref name="Id"/> is no longer used (one-way; from a finalizer).</summary>
internal sealed record SharedDetach(long Id);

/// <summary>Read <paramref name="Count"/> elements from <paramref name="Index"/>; replied as their bytes.</summary>
internal sealed record SharedRead(int Index, int Count);

/// <summary>Write whole elements from <paramref name="Index"/> on; replied true once written.</summary>
internal sealed record SharedWrite(int Index, byte[] Bytes);
