using Microsoft.Extensions.Options;
using Suno.WebApi.Errors;
using Suno.WebApi.Hosting;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>Builds /suno/* envelopes in the configured style (Api:EnvelopeStyle), and writes its errors.</summary>
public sealed class SunoEnvelopes(IOptions<ApiOptions> options) : IErrorEnvelope
{
    public const string Success = "success";

    public PathString PathPrefix { get; } = new("/suno");

    private bool Numeric => options.Value.EnvelopeStyle == SunoEnvelopeStyle.CodeAsNumber;

    /// <summary>The success envelope around <paramref name="data"/>.</summary>
    public object Ok<T>(T data) => Numeric
        ? new SunoNumericEnvelope<T> { Code = StatusCodes.Status200OK, Message = Success, Data = data }
        : new SunoEnvelope<T> { Code = Success, Message = string.Empty, Data = data };

    public object Error(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Numeric
            ? new SunoNumericEnvelope<object?> { Code = error.Status, Message = error.Message, Data = null, Errors = error.Errors }
            : new SunoErrorEnvelope { Code = error.Code, Message = error.Message, Data = null, Errors = error.Errors };
    }

    public Task WriteAsync(HttpContext context, ApiError apiError)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = Error(apiError);
        return context.Response.WriteAsJsonAsync(body, body.GetType(), options: null, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }
}
