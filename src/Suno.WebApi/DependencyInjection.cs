using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;
using Suno.Application.Gcui.Common;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Observability;
using Suno.WebApi.Errors;
using Suno.WebApi.Families.Gcui;
using Suno.WebApi.Families.Hosted;
using Suno.WebApi.Families.OpenAi;
using Suno.WebApi.Families.SunoTasks;
using Suno.WebApi.Hosting;
using Suno.WebApi.OpenApi;
using Suno.WebApi.Security;

namespace Suno.WebApi;

public static class DependencyInjection
{
    public const string OpenApiDocumentPath = "/openapi/{documentName}.json";

    /// <summary>Controllers, JSON, errors, OpenAPI and request limits of the HTTP edge.</summary>
    public static IServiceCollection AddWebApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddWebApiSettings(configuration);

        services.AddControllers(o => o.Filters.Add<ModelStateErrors>())
            .AddJsonOptions(o => JsonDefaults.Configure(o.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(o => o.SuppressModelStateInvalidFilter = true);
        services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = RequestLimits.MaxRequestBodyBytes);
        services.AddTransient<IStartupFilter, JsonBodyLeniency>();  // a JSON body without Content-Type is read as JSON

        // Errors: one handler, one responder choosing the envelope by route prefix. A new family registers its
        // IErrorEnvelope here.
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddSingleton<ErrorResponder>();
        services.AddSingleton<SunoEnvelopes>();
        services.AddSingleton<IErrorEnvelope>(sp => sp.GetRequiredService<SunoEnvelopes>());
        services.AddSingleton<IErrorEnvelope, GcuiEnvelope>();
        services.AddSingleton<IErrorEnvelope, OpenAiErrorEnvelope>();
        services.AddSingleton<IErrorEnvelope, HostedEnvelope>();  // /api/v1 is longer than gcui's /api, so it wins there

        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer(OpenApiTransformers.EnumAsString);
            o.AddOperationTransformer(OpenApiTransformers.OperationId);
            o.AddDocumentTransformer(OpenApiTransformers.Info);
            o.AddDocumentTransformer(OpenApiTransformers.BearerSecurity);
        });

        return services;
    }

    /// <summary>The HTTP edge's own settings (sections Auth, Api, Gcui), read and checked at start like every other.</summary>
    public static IServiceCollection AddWebApiSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<AuthOptions>(configuration, ReadAuth);
        services.AddValidatedSettings<ApiOptions>(configuration, ReadApi);
        services.AddValidatedSettings<GcuiApiOptions>(configuration, ReadGcui);
        return services;
    }

    /// <summary>The middleware, outermost first.</summary>
    public static WebApplication UseWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<CallerMiddleware>();  // the tenant, once per request, before any route reads it
        app.UseMiddleware<GcuiCorsMiddleware>();  // before errors and the token check: CORS on every /api/* answer
        app.UseExceptionHandler();
        app.UseStatusCodePages(context =>
            context.HttpContext.RequestServices.GetRequiredService<ErrorResponder>()
                .WriteAsync(context.HttpContext, ApiError.ForStatus(context.HttpContext.Response.StatusCode)));
        app.UseMiddleware<SecretTokenMiddleware>();
        OpenAccessWarning.WarnWhenOpen(app);
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.SwaggerEndpoint("/openapi/v1.json", "Suno.Api v1");
            o.DocumentTitle = "Suno.Api";
        });
        return app;
    }

    /// <summary>The routes: controllers, health and the OpenAPI document (always, not only in Development).</summary>
    public static WebApplication MapWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapControllers();
        app.MapOpenApi(OpenApiDocumentPath);
        app.MapMetrics(SecretTokenMiddleware.MetricsPath, app.Services.GetRequiredService<GatewayMetrics>().Registry);
        app.MapHealthChecks("/health", Health(check => check.Tags.Contains("db")));  // the database, as always
        app.MapHealthChecks("/health/live", Health(_ => false));  // the process answers; no check runs
        app.MapHealthChecks("/health/ready", Health(check => check.Tags.Contains("ready")));  // database and a usable account
        return app;
    }

    private static HealthCheckOptions Health(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteHealthAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>{"status":"healthy","checks":{"database":"healthy"}}; no exception text (it could name a host or user).</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object>
        {
            ["status"] = Lower(report.Status),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => Lower(e.Value.Status), StringComparer.Ordinal),
        };
        return context.Response.WriteAsJsonAsync(body, (JsonSerializerOptions?)null, "application/json; charset=utf-8", context.RequestAborted);
    }

    private static string Lower(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static void ReadAuth(SettingsReader reader, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.SecretToken = reader.Text(SettingKeys.AuthSecretToken);
        options.PublicMetrics = reader.Flag(AuthOptions.PublicMetricsKey, false);
    }

    private static void ReadApi(SettingsReader reader, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var raw = reader.Text(ApiOptions.EnvelopeStyleKey);
        switch (raw?.ToUpperInvariant())
        {
            case null or "STRING":
                options.EnvelopeStyle = SunoEnvelopeStyle.CodeAsText;
                break;
            case "INTEGER":
                options.EnvelopeStyle = SunoEnvelopeStyle.CodeAsNumber;
                break;
            default:
                reader.Fail(ApiOptions.EnvelopeStyleKey, $"must be 'string' or 'integer', got '{raw}'");
                break;
        }
    }

    private static void ReadGcui(SettingsReader reader, GcuiApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var max = (int)GcuiLimits.MaxWait.TotalSeconds;
        options.WaitAudioTimeout = TimeSpan.FromSeconds(reader.Number(GcuiApiOptions.WaitAudioSecondsKey, max, 1, max));
        options.DefaultModel = reader.Model(GcuiApiOptions.DefaultModelKey, GcuiApiOptions.GcuiDefaultModel);
    }
}
