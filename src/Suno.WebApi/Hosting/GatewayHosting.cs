using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Suno.Infrastructure.Configuration;

namespace Suno.WebApi.Hosting;

/// <summary>Start-up helpers of Program: where to listen, logging, and the one-line report of bad settings.</summary>
public static class GatewayHosting
{
    /// <summary>Listens on Server:Host:Server:Port (PORT) unless --urls or ASPNETCORE_URLS says otherwise.</summary>
    public static WebApplicationBuilder UseGatewayUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return builder;
        }

        // A bad value reads as its default here; start-up validation then stops the process with its message.
        var server = new ServerOptions();
        ServerOptions.Read(new SettingsReader(builder.Configuration), server);
        var host = server.Host.Contains(':', StringComparison.Ordinal) ? $"[{server.Host}]" : server.Host;
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{server.Port}"));
        return builder;
    }

    /// <summary>The rolling files' name pattern in LOG_DIR: Serilog puts the day (yyyyMMdd) before the dot.</summary>
    public const string LogFilePattern = "gateway-.json";

    /// <summary>
    /// Single-line console logs with scopes and UTC timestamps; DEBUG turns on debug logs of our own code; with
    /// ROTATE_LOGS, the same events also go to daily, size-capped files of compact JSON in LOG_DIR.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        // Framework chatter stays at warning (our request log line says what happened); settings can lower it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // HttpClient writes four info lines per call; the upstream's own Debug line (UpstreamCallLog) is the useful one.
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));

        var logging = new LoggingOptions();
        LoggingOptions.Read(new SettingsReader(builder.Configuration), logging);
        if (logging.Debug)
        {
            builder.Logging.AddFilter("Suno", LogLevel.Debug);
        }

        // The file provider is decided when the logger factory is built, from the final configuration (a host
        // may add sources after this call). Not AddSerilog: it adds a Trace rule for its provider that would bypass
        // the filters above; here the files get exactly what the console gets.
        builder.Services.AddSingleton<ILoggerProvider>(services =>
        {
            var final = new LoggingOptions();
            LoggingOptions.Read(new SettingsReader(services.GetRequiredService<IConfiguration>()), final);
            return final.RotateLogs ? new SerilogLoggerProvider(FileLogger(final), dispose: true) : NullLoggerProvider.Instance;
        });

        return builder;
    }

    /// <summary>
    /// The file provider: every event the logging filters let through (Serilog itself filters nothing), one compact
    /// JSON object per line (CLEF: @t, @mt, @l, properties, scopes), a new file each UTC day and whenever one
    /// reaches Logging:FileSizeMegabytes, the newest Logging:RetainedFiles kept. Shared, so two processes may use
    /// one LOG_DIR.
    /// </summary>
    private static Serilog.Core.Logger FileLogger(LoggingOptions logging) =>
        new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(Path.GetFullPath(logging.Directory), LogFilePattern),
                fileSizeLimitBytes: logging.FileSizeMegabytes * 1024L * 1024L,
                rollOnFileSizeLimit: true,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: logging.RetainedFiles,
                shared: true)
            .CreateLogger();

    /// <summary>Runs the start-up validation of every setting now (before the database is touched).</summary>
    public static void ValidateSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>
    /// When <paramref name="exception"/> is a settings failure, writes its messages to stderr, one per line, and
    /// returns true (the caller exits non-zero, without a stack trace).
    /// </summary>
    public static bool TryReportSettingsFailure(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        var failures = SettingsFailures(exception);
        if (failures.Count == 0)
        {
            return false;
        }

        foreach (var failure in failures.Distinct(StringComparer.Ordinal))
        {
            error.WriteLine(failure);
        }

        return true;
    }

    /// <summary>
    /// The one-line messages of a settings failure: the options validators' failures, and the binder's
    /// "Failed to convert configuration value ..." for options bound with ConfigurationBinder. Empty when the
    /// exception (or any exception inside an aggregate) is something else: that is a bug, and keeps its stack trace.
    /// </summary>
    public static IReadOnlyList<string> SettingsFailures(Exception exception)
    {
        var exceptions = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.ToList() : [exception];
        var failures = new List<string>();
        foreach (var inner in exceptions)
        {
            switch (inner)
            {
                case OptionsValidationException options:
                    failures.AddRange(options.Failures.SelectMany(f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                    break;
                case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                    failures.Add(binding.Message);
                    break;
                default:
                    return [];
            }
        }

        return failures;
    }
}
