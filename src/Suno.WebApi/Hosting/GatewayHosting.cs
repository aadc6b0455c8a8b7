using System.Globalization;
using Microsoft.Extensions.Options;
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

    /// <summary>Single-line console logs with scopes and UTC timestamps; DEBUG turns on debug logs of our own code.</summary>
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
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));

        var logging = new LoggingOptions();
        LoggingOptions.Read(new SettingsReader(builder.Configuration), logging);
        if (logging.Debug)
        {
            builder.Logging.AddFilter("Suno", LogLevel.Debug);
        }

        return builder;
    }

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
        var failures = SettingsFailures(exception).ToList();
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

    private static IEnumerable<string> SettingsFailures(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException options:
                return options.Failures.SelectMany(f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                return aggregate.InnerExceptions.SelectMany(SettingsFailures);
            default:
                return [];
        }
    }
}
