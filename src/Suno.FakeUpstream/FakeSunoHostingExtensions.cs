using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Suno.FakeUpstream.Endpoints;

namespace Suno.FakeUpstream;

/// <summary>Mounts the fake in any ASP.NET Core host (tests use <see cref="FakeSunoServer"/> instead).</summary>
public static class FakeSunoHostingExtensions
{
    /// <summary>Registers one <see cref="FakeSunoState"/> (and its options) as a singleton.</summary>
    public static IServiceCollection AddFakeSuno(this IServiceCollection services, Action<FakeSunoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new FakeSunoOptions();
        configure?.Invoke(options);
        return services.AddFakeSuno(options);
    }

    /// <summary>Registers one <see cref="FakeSunoState"/> built from <paramref name="options"/> as a singleton.</summary>
    public static IServiceCollection AddFakeSuno(this IServiceCollection services, FakeSunoOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(_ => new FakeSunoState(options));
        return services;
    }

    /// <summary>
    /// Maps the Clerk routes (<c>/v1/client…</c>), the studio routes (<c>/api/…</c>) and the fake OpenAI-compatible
    /// model (<c>/openai/v1/chat/completions</c>) under <paramref name="prefix"/>.
    /// A gateway that serves its own <c>/api/*</c> must pass a prefix (e.g. <c>/fake-suno</c>) and point its Suno and
    /// Clerk base URLs at it. The returned group takes the host's conventions (e.g. <c>.AllowAnonymous()</c> when the
    /// host has a fallback authorization policy).
    /// </summary>
    public static RouteGroupBuilder MapFakeSuno(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var state = endpoints.ServiceProvider.GetRequiredService<FakeSunoState>();
        // Not part of the host's public API: keep it out of OpenAPI documents.
        var group = endpoints.MapGroup(prefix);
        group.ExcludeFromDescription();
        ClerkEndpoints.Map(group, state);
        StudioEndpoints.Map(group, state);
        OpenAiEndpoints.Map(group, state);
        return group;
    }
}
