using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suno.Application.Chat;
using Suno.Application.Tasks.Engine;

namespace Suno.Infrastructure.Configuration;

/// <summary>Registers the gateway's settings, each validated at start.</summary>
public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewaySettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedSettings<ServerOptions>(configuration, ServerOptions.Read);
        services.AddValidatedSettings<SunoOptions>(configuration, SunoOptions.Read);
        services.AddValidatedSettings<ChatOptions>(configuration, ChatSettings.Read);
        services.AddValidatedSettings<TaskEngineOptions>(configuration, TaskSettings.Read);
        services.AddValidatedSettings<LoggingOptions>(configuration, LoggingOptions.Read);
        services.AddValidatedSettings<Application.Callbacks.CallbackOptions>(configuration, CallbackSettings.Read);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TOptions"/> read by <paramref name="read"/> and validated by the same read
    /// (every bad value is one failure line), at start. A second call for the same type changes nothing.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedSettings<TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<SettingsReader, TOptions> read)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is SettingsValidator<TOptions>))
        {
            return services.AddOptions<TOptions>();
        }

        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(configuration, read));
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(configuration));
        return services.AddOptions<TOptions>()
            .Configure(options => read(new SettingsReader(configuration), options))
            .ValidateOnStart();
    }

    private sealed class SettingsValidator<TOptions>(IConfiguration configuration, Action<SettingsReader, TOptions> read)
        : IValidateOptions<TOptions>
        where TOptions : class, new()
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var reader = new SettingsReader(configuration);
            read(reader, new TOptions());
            return reader.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(reader.Errors);
        }
    }
}
