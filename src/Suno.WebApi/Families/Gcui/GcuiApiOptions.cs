using Suno.Application.Gcui.Common;

namespace Suno.WebApi.Families.Gcui;

/// <summary>Settings of the gcui-art routes (section Gcui).</summary>
public sealed class GcuiApiOptions
{
    public const string WaitAudioSecondsKey = "Gcui:WaitAudioSeconds";
    public const string DefaultModelKey = "Gcui:DefaultModel";

    /// <summary>gcui-art's default model, for a request that names none.</summary>
    public const string GcuiDefaultModel = "chirp-v3-5";

    /// <summary>
    /// The longest wait_audio wait, in seconds (gcui-art's 100 s, the default and the maximum); a smaller value
    /// suits a proxy with a shorter timeout.
    /// </summary>
    public TimeSpan WaitAudioTimeout { get; set; } = GcuiLimits.MaxWait;

    /// <summary>The model of a request that names none (gcui-art's chirp-v3-5).</summary>
    public string DefaultModel { get; set; } = GcuiDefaultModel;
}
