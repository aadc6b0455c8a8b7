using MediatR;
using Microsoft.Extensions.Logging;

namespace Suno.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name and how long its handler took (debug), and warns when it took longer than
/// <see cref="SlowThreshold"/>. The request object itself is never logged: it may carry cookies or prompts.
/// </summary>
public sealed partial class PerformanceBehaviour<TRequest, TResponse>(
    ILogger<PerformanceBehaviour<TRequest, TResponse>> logger,
    TimeProvider timeProvider) : IPipelineBehavior<TRequest, TResponse>
{
    public static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = timeProvider.GetTimestamp();
        try
        {
            return await next().ConfigureAwait(false);
        }
        finally
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(logger, typeof(TRequest).Name, (long)elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, typeof(TRequest).Name, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestName} was slow: {ElapsedMilliseconds} ms")]
    private static partial void LogSlow(ILogger logger, string requestName, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestName} handled in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string requestName, double elapsedMilliseconds);
}
