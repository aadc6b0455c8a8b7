using MediatR;
using Microsoft.Extensions.Logging;
using Suno.Application.Common.Exceptions;

namespace Suno.Application.Common.Behaviours;

/// <summary>
/// Logs an unexpected exception with the request's name (never the request object: it may carry secrets) and
/// rethrows it. Errors a use case reports on purpose (<see cref="SunoApplicationException"/>) are not errors of
/// the gateway and are logged at debug level only.
/// </summary>
public sealed partial class UnhandledExceptionBehaviour<TRequest, TResponse>(
    ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (SunoApplicationException ex)
        {
            LogExpected(logger, typeof(TRequest).Name, ex.ErrorCode);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogUnhandled(logger, ex, typeof(TRequest).Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestName} failed with an unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestName} ended with {ErrorCode}")]
    private static partial void LogExpected(ILogger logger, string requestName, string errorCode);
}
