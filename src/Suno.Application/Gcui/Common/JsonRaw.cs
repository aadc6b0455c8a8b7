using System.Text.Json;

namespace Suno.Application.Gcui.Common;

/// <summary>Upstream JSON passed through to a client.</summary>
internal static class JsonRaw
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
