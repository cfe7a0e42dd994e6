global using ActorProc.Actors;
global using Xunit;
global using Xunit.Abstractions;
