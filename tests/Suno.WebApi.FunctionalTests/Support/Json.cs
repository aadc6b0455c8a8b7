using System.Net.Http.Json;
using System.Text.Json;

namespace Suno.WebApi.FunctionalTests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static StringContent Body(string json, string contentType = "application/json") =>
        new(json, System.Text.Encoding.UTF8, contentType);
}
