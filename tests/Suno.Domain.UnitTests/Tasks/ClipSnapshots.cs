using Suno.Domain.Clips;

namespace Suno.Domain.UnitTests.Tasks;

internal static class ClipSnapshots
{
    public static ClipSnapshot Of(string id, ClipStatus status, string? errorMessage = null) => new()
    {
        Id = id,
        Status = status,
        StatusText = status.ToWire(),
        Title = "Song " + id,
        ErrorMessage = errorMessage,
        RawJson = $$"""{"id":"{{id}}","status":"{{status.ToWire()}}","new_upstream_field":42}""",
    };
}
