using System.Globalization;

namespace Suno.Application.Gcui.Common;

/// <summary>A page number from a query string; empty means the default.</summary>
public static class PageNumber
{
    public static bool TryParse(string? text, int defaultPage, out int page)
    {
        page = defaultPage;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && page >= 0 && page <= GcuiLimits.MaxPage;
    }

    public static int Parse(string? text, int defaultPage) => TryParse(text, defaultPage, out var page) ? page : defaultPage;
}
