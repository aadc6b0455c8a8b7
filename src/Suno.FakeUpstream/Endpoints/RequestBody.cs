using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Suno.FakeUpstream.Endpoints;

/// <summary>Reads a JSON body whatever the Content-Type (some clients send JSON as text/plain).</summary>
internal static class RequestBody
{
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, MissingBody());
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body
                ? (body, null)
                : (null, Responses.Validation("model_attributes_type", new JsonArray("body"), "Input should be a valid dictionary or object to extract fields from", JsonValue.Create(text)));
        }
        catch (JsonException)
        {
            return (null, Responses.Validation("json_invalid", new JsonArray("body", 0), "JSON decode error", JsonValue.Create(text)));
        }
    }

    /// <summary>A string field, or null when absent, null or not a string.</summary>
    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>True when the field is absent, null or a string.</summary>
    public static bool IsStringOrNull(JsonObject body, string name) =>
        body[name] is null || body[name]!.GetValueKind() == JsonValueKind.String;

    public static bool IsString(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    /// <summary>A boolean field; pydantic's lax mode also takes "true"/"false".</summary>
    public static bool? Bool(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => null,
    };

    /// <summary>A number field; numeric strings are accepted too.</summary>
    public static double? Number(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String &&
                         double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static IResult MissingBody() =>
        Responses.Json(new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["type"] = "missing",
                ["loc"] = new JsonArray("body"),
                ["msg"] = "Field required",
                ["input"] = null,
            }),
        }, StatusCodes.Status422UnprocessableEntity);
}
