namespace Suno.Infrastructure;
/// <summary>Marks the assembly for scanning.</summary>
public static class AssemblyMarker;
