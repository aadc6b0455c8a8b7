namespace Suno.FakeUpstream;
/// <summary>Marks the assembly for scanning.</summary>
public static class AssemblyMarker;
