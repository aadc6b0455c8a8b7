using System.Text.Json;

namespace Suno.Application.Common.Behaviours;

/// <summary>Turns a validator's property path (Ids[0], ContinueAt) into the name the client sent (ids[0], continue_at).</summary>
public static class FieldNames
{
    public static string ToWire(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return string.Empty;
        }

        var parts = propertyPath.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var index = bracket < 0 ? string.Empty : part[bracket..];
            parts[i] = JsonNamingPolicy.SnakeCaseLower.ConvertName(name) + index;
        }

        return string.Join('.', parts);
    }
}
