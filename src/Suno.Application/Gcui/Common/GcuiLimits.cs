namespace Suno.Application.Gcui.Common;

/// <summary>Limits of the gcui-art routes.</summary>
public static class GcuiLimits
{
    /// <summary>gcui-art's wait_audio window: at most this long, then the latest snapshot.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(100);

    /// <summary>Most clip ids one GET /api/get may ask for.</summary>
    public const int MaxIds = 100;

    /// <summary>Largest page number accepted for the feed and persona pages.</summary>
    public const int MaxPage = 10_000;
}
