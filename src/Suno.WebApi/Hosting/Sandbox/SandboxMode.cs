using Microsoft.Extensions.Options;
using Suno.FakeUpstream;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Upstream;
using Suno.WebApi.Errors;
using Suno.WebApi.Security;

namespace Suno.WebApi.Hosting.Sandbox;

/// <summary>
/// Sandbox mode (<c>--sandbox</c> or SUNO_SANDBOX=true): the gateway hosts the in-repo fake Suno and Clerk under
/// <see cref="PathPrefix"/> on its own Kestrel, with one well-funded fake account, and talks to it instead of
/// suno.com. Everything it produces is marked as sandbox output. See docs/decisions/ADR-009-sandbox-mode.md.
/// </summary>
public static partial class SandboxMode
{
    /// <summary>The command-line switch.</summary>
    public const string Switch = "--sandbox";

    /// <summary>Where the fake is mounted (the gateway's own /api/* would collide without a prefix).</summary>
    public const string PathPrefix = "/sandbox-suno";

    /// <summary>
    /// The host the Suno and Clerk base URLs name in sandbox mode; <see cref="SandboxUpstreamHandler"/> sends its
    /// requests to the gateway's own address. <c>.invalid</c> never resolves, so nothing can leave the machine.
    /// </summary>
    public const string UpstreamHost = "gateway.sandbox-suno.invalid";

    /// <summary>Name of the sandbox account (not "default", so a stored real account is left alone).</summary>
    public const string AccountName = "sandbox";

    /// <summary>The sandbox account's __client value: fixed, so a restart on the same database finds the same account.</summary>
    public const string ClientToken = "sandbox_client_not_a_real_cookie";

    /// <summary>The SQLite file of sandbox mode when neither SQLITE_PATH nor SQL_DSN is set: sandbox tasks stay out of data/suno.db.</summary>
    public const string DefaultSqlitePath = "data/sandbox.db";

    /// <summary>The studio-api and Clerk base URL in sandbox mode.</summary>
    public static string UpstreamBaseUrl => $"http://{UpstreamHost}{PathPrefix}";

    /// <summary>
    /// <paramref name="args"/> without the <c>--sandbox</c> switch (any case), which would otherwise take the next
    /// argument as its value (<c>--sandbox --urls …</c>); <paramref name="sandbox"/> says whether it was there.
    /// </summary>
    public static string[] TakeSwitch(string[] args, out bool sandbox)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Where(a => !string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase)).ToArray();
        sandbox = rest.Length != args.Length;
        return rest;
    }

    /// <summary>
    /// When the switch was given or Suno:Sandbox (SUNO_SANDBOX) is true: registers the fake, the sandbox settings,
    /// the handler that routes Suno and Clerk calls to the gateway itself, and the connection settings that point at
    /// it (replacing any configured account). Call after the legacy aliases are added.
    /// </summary>
    public static WebApplicationBuilder AddSandboxMode(this WebApplicationBuilder builder, bool switchGiven)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A bad SUNO_SANDBOX reads as false here; start-up validation then stops the process with its message.
        var reader = new SettingsReader(builder.Configuration);
        if (!switchGiven && !reader.Flag(SettingKeys.SunoSandbox, false))
        {
            return builder;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [SettingKeys.SunoSandbox] = "true" };
        if (reader.Text(SettingKeys.DatabaseDsn) is null && reader.Text(SettingKeys.DatabaseSqlitePath) is null)
        {
            overrides[SettingKeys.DatabaseSqlitePath] = DefaultSqlitePath;
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        var sandbox = new SandboxOptions();
        ReadSandbox(new SettingsReader(builder.Configuration), sandbox);
        var services = builder.Services;
        services.AddValidatedSettings<SandboxOptions>(builder.Configuration, ReadSandbox);
        services.AddFakeSuno(sandbox.ToFakeOptions());
        services.AddSingleton<GatewayAddress>();
        services.AddSingleton<SandboxAccess>();
        services.AddTransient<SandboxUpstreamHandler>();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<SandboxUpstreamHandler>());
        services.PostConfigure<SunoOptions>(UseFake);
        return builder;
    }

    /// <summary>
    /// In sandbox mode: creates the sandbox account in the fake, mounts the fake under <see cref="PathPrefix"/> and
    /// serves it ahead of the gateway's own middleware (its calls carry Suno's Authorization, not SECRET_TOKEN, and
    /// would only add request-log lines). Logs that the gateway runs in sandbox mode. Call before UseWebApi.
    /// </summary>
    public static WebApplication UseSandboxMode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.Services.GetService<FakeSunoState>();
        if (state is null)
        {
            return app;
        }

        state.AddAccount(new FakeAccountSpec
        {
            ClientToken = ClientToken,
            Credits = SandboxOptions.Credits,
            Plan = FakePlan.Premier,
            DisplayName = "Sandbox",
            Handle = "sandbox",
            Email = "sandbox@sandbox-suno.invalid",
        });

        app.Use(ServeFake);
        app.MapFakeSuno(PathPrefix);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxMode).FullName!);
        var options = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        LogSandbox(logger, PathPrefix, options.CompleteAfterSeconds);
        var reader = new SettingsReader(app.Configuration);
        if (reader.Text(SettingKeys.SunoCookie) is not null || app.Configuration.GetSection(SettingKeys.SunoAccounts).GetChildren().Any())
        {
            LogRealAccountIgnored(logger);
        }

        return app;
    }

    /// <summary>
    /// Requests under the prefix run the fake's endpoint (routing has matched it already) and nothing else. With
    /// SECRET_TOKEN set they need it, like every route, unless they are the gateway's own calls.
    /// </summary>
    private static Task ServeFake(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var secret = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue.SecretToken;
        if (!string.IsNullOrEmpty(secret)
            && !context.RequestServices.GetRequiredService<SandboxAccess>().IsOwnCall(context.Request)
            && !SecretTokenMiddleware.IsAuthorized(context.Request.Headers.Authorization.ToString(), secret))
        {
            return context.RequestServices.GetRequiredService<ErrorResponder>().WriteAsync(context, ApiError.Unauthorized());
        }

        if (context.GetEndpoint()?.RequestDelegate is { } endpoint)
        {
            return endpoint(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static void UseFake(SunoOptions options)
    {
        options.BaseUrl = new Uri(UpstreamBaseUrl);
        options.ClerkBaseUrl = new Uri(UpstreamBaseUrl);
        options.ExchangeTokenUrl = null;
        options.Proxy = null;
        options.CaptchaSolverUrl = null;
        options.DeviceId = null;
        options.Cookie = null;
        options.SessionId = null;
        options.Accounts.Clear();
        options.Accounts.Add(new SunoAccountOptions { Name = AccountName, Cookie = "__client=" + ClientToken });
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "The gateway runs in sandbox mode: Suno and Clerk are the built-in fake under {Prefix}, nothing is sent to suno.com; "
            + "clips complete after {Seconds} s, titles start with [sandbox] and media URLs are on *.sandbox-suno.invalid")]
    private static partial void LogSandbox(ILogger logger, string prefix, int seconds);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sandbox mode wins over the configured Suno account (Suno:Cookie / Suno:Accounts): it is not used. "
            + "Start without --sandbox and SUNO_SANDBOX to use it")]
    private static partial void LogRealAccountIgnored(ILogger logger);

    private static void ReadSandbox(SettingsReader reader, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.CompleteAfterSeconds = reader.Number(SandboxOptions.CompleteAfterSecondsKey, SandboxOptions.DefaultCompleteAfterSeconds, 0, 3600);
    }
}
