namespace Suno.Application.Gcui.Common;

/// <summary>Clip ids as the gcui-art routes accept them.</summary>
internal static class ClipIds
{
    /// <summary>A clip id Suno would accept in a path: no slashes or query characters.</summary>
    public static bool IsPlainId(string? id) =>
        id is not null && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
