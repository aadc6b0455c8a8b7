using Microsoft.Extensions.DependencyInjection.Extensions;
using Suno.Application;
using Suno.Infrastructure;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Persistence;
using Suno.WebApi;
using Suno.WebApi.Hosting;
using Suno.WebApi.Hosting.Sandbox;
using Suno.WebApi.OpenApi;

if (args is [HealthProbe.Switch])
{
    return await HealthProbe.RunAsync(Console.Error);
}

try
{
    var builder = WebApplication.CreateBuilder(SandboxMode.TakeSwitch(args, out var sandboxSwitch));
    builder.Configuration.AddLegacyEnvironmentAliases();
    builder.AddSandboxMode(sandboxSwitch);
    builder.UseGatewayUrls();
    builder.AddGatewayLogging();

    builder.Services
        .AddApplicationServices()
        .AddInfrastructureServices(builder.Configuration)
        .AddWebApiServices(builder.Configuration);
    if (BuildTimeDocument.IsBeingWritten)
    {
        builder.Services.RemoveAll<IHostedService>();
    }

    var app = builder.Build();
    if (!BuildTimeDocument.IsBeingWritten)
    {
        app.ValidateSettings();
        await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
    }

    app.UseSandboxMode();  // before the gateway's middleware: the fake's own calls skip it
    app.UseWebApi();
    app.MapWebApi();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (GatewayHosting.TryReportSettingsFailure(ex, Console.Error))
{
    // Bad settings: the messages are out, one per line; no stack trace.
    return 2;
}
catch (DatabaseUnavailableException ex)
{
    // The server database never answered within Database:StartupRetrySeconds: one line, no stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 3;
}

/// <summary>The entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
