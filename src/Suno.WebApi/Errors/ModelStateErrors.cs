using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Suno.Application.Common.Behaviours;
using ValidationException = Suno.Application.Common.Exceptions.ValidationException;

namespace Suno.WebApi.Errors;

/// <summary>
/// Model binding's failures (malformed JSON, wrong content type, oversized body, missing body) become exceptions the
/// one exception handler answers, so they reach the client in the family's envelope like every other error
/// ([ApiController]'s automatic 400 is switched off). Runs before MVC's own 415 filter.
/// </summary>
public sealed class ModelStateErrors : IActionFilter, IOrderedFilter
{
    public int Order => -5000;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.ModelState;
        if (state.IsValid)
        {
            return;
        }

        var all = state.Where(e => e.Value is { Errors.Count: > 0 }).ToList();
        var exceptions = all.SelectMany(e => e.Value!.Errors).Select(e => e.Exception).Where(e => e is not null).ToList();
        if (exceptions.Exists(e => e is UnsupportedContentTypeException))
        {
            throw new BadHttpRequestException(ApiError.UnsupportedMediaType().Message, StatusCodes.Status415UnsupportedMediaType);
        }

        if (exceptions.Find(e => e is BadHttpRequestException) is { } bad)
        {
            throw bad;
        }

        // Malformed JSON also leaves "the body is required" behind; the syntax error is the one worth reporting.
        var malformed = all.Where(e => e.Value!.Errors.Any(IsJsonError)).Select(e => FieldOf(e.Key)).ToList();
        if (malformed.Count > 0)
        {
            var error = MalformedJson(malformed[0]);
            throw new ValidationException(malformed[0], error.Message);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in all)
        {
            var field = FieldOf(key);
            var messages = entry!.Errors.Select(e => MessageOf(field, e));
            errors[field] = errors.TryGetValue(field, out var existing)
                ? existing.Concat(messages).Distinct(StringComparer.Ordinal).ToArray()
                : messages.Distinct(StringComparer.Ordinal).ToArray();
        }

        throw new ValidationException(errors);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    public static ApiError MalformedJson(string? field) => new(
        StatusCodes.Status400BadRequest,
        ApiError.InvalidRequest,
        string.IsNullOrEmpty(field) || field == "body"
            ? "the request body is not valid JSON"
            : $"the request body is not valid JSON at '{field}' (wrong type or syntax)");

    /// <summary>"$.ids[0]" → "ids[0]"; "$" or the parameter name → "body".</summary>
    private static string FieldOf(string key)
    {
        if (key.StartsWith("$.", StringComparison.Ordinal))
        {
            return key[2..];
        }

        return key is "" or "$" or "request" or "body" ? "body" : FieldNames.ToWire(key);
    }

    private static bool IsJsonError(ModelError error) =>
        error.Exception is JsonException
        || (error.Exception is null && error.ErrorMessage.Contains("LineNumber", StringComparison.Ordinal));

    private static string MessageOf(string field, ModelError error)
    {
        if (error.ErrorMessage.Contains("non-empty request body", StringComparison.Ordinal)
            || (field == "body" && error.ErrorMessage.Contains("field is required", StringComparison.Ordinal)))
        {
            return "the request body is empty; send a JSON object";
        }

        return string.IsNullOrWhiteSpace(error.ErrorMessage) ? $"{field} is invalid" : error.ErrorMessage;
    }
}
