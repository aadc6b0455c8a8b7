using System.Globalization;
using Suno.Application.Callbacks;

namespace Suno.Infrastructure.Configuration;

/// <summary>Reads sections Callbacks and Network into <see cref="CallbackOptions"/>.</summary>
public static class CallbackSettings
{
    public const string RetryDelaysSeconds = "Callbacks:RetryDelaysSeconds";
    public const string SigningKey = "Callbacks:SigningKey";
    public const string AllowLoopbackTargets = "Network:AllowLoopbackTargets";
    public const string TimeoutSeconds = "Callbacks:TimeoutSeconds";

    public static void Read(SettingsReader reader, CallbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var raw = reader.Text(RetryDelaysSeconds);
        if (raw is not null)
        {
            var delays = new List<TimeSpan>();
            foreach (var part in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 86_400)
                {
                    reader.Fail(RetryDelaysSeconds, $"must be a comma-separated list of seconds between 1 and 86400, got '{SettingsReader.Echo(raw)}'");
                    return;
                }

                delays.Add(TimeSpan.FromSeconds(seconds));
            }

            options.RetryDelays = delays;
        }

        var key = reader.Text(SigningKey);
        options.SigningKey = string.IsNullOrEmpty(key) ? null : key;
        options.AllowLoopbackTargets = reader.Flag(AllowLoopbackTargets, false);
        options.Timeout = TimeSpan.FromSeconds(reader.Number(TimeoutSeconds, 15, 1, 60));
    }
}
