using Suno.Application.Gcui.Common;
using Suno.Infrastructure.Configuration;

namespace Suno.WebApi.Families.Gcui;

/// <summary>Settings of the gcui-art routes (section Gcui).</summary>
public sealed class GcuiApiOptions
{
    public const string WaitAudioSecondsKey = "Gcui:WaitAudioSeconds";

    /// <summary>
    /// The longest wait_audio wait, in seconds (gcui-art's 100 s, the default and the maximum); a smaller value
    /// suits a proxy with a shorter timeout.
    /// </summary>
    public TimeSpan WaitAudioTimeout { get; set; } = GcuiLimits.MaxWait;

    public static void Read(SettingsReader reader, GcuiApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var max = (int)GcuiLimits.MaxWait.TotalSeconds;
        options.WaitAudioTimeout = TimeSpan.FromSeconds(reader.Number(WaitAudioSecondsKey, max, 1, max));
    }
}
