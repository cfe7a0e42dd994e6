namespace ActorProc.Tests.Shared;

/// <summary>A struct larger than 8 bytes, for shared values and arrays of structs.</summary>
public readonly record struct Point3(double X, double Y, double Z);
