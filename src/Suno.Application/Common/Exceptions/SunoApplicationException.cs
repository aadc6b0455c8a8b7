namespace Suno.Application.Common.Exceptions;

/// <summary>
/// Base of every error a use case reports on purpose. Each API family maps these to its own envelope and status;
/// <see cref="ErrorCode"/> is a stable snake_case code (invalid_request, task_not_exist, ...).
/// </summary>
public abstract class SunoApplicationException : Exception
{
    protected SunoApplicationException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Stable, machine-readable code.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status this error maps to at the edge.</summary>
    public abstract int StatusCode { get; }
}
