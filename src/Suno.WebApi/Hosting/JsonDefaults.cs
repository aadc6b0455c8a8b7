using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suno.WebApi.Hosting;

/// <summary>
/// The JSON settings of every route, applied to both MVC and the minimal-API/OpenAPI options (the OpenAPI generator
/// reads the latter). Wire names come from explicit [JsonPropertyName] on the wire DTOs; the snake_case naming policy
/// is only a fallback. Nulls are written (the /suno/* envelope must say data:null); a family that wants them left out
/// marks those properties with [JsonIgnore(Condition = WhenWritingNull)]. Numbers are strict: "3" is not 3.
/// </summary>
public static class JsonDefaults
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
