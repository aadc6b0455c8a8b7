using System.Globalization;

namespace Suno.WebApi.Hosting;

/// <summary>
/// <c>dotnet Suno.WebApi.dll --health-probe</c>: the container's HEALTHCHECK (the runtime image has no curl). GETs
/// http://127.0.0.1:PORT/health/live (PORT as the gateway reads it, default 3000) and exits 0 on 200, else 1.
/// </summary>
public static class HealthProbe
{
    public const string Switch = "--health-probe";

    public static async Task<int> RunAsync(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var raw = Environment.GetEnvironmentVariable("Server__Port") ?? Environment.GetEnvironmentVariable("PORT");
        var port = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : 3000;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health/live"))).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"/health/live on port {port} answered {(int)response.StatusCode}")).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"/health/live on port {port} did not answer: {ex.Message}").ConfigureAwait(false);
        }

        return 1;
    }
}
