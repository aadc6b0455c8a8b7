namespace Suno.Application.Common.Exceptions;

/// <summary>Bad input: 400 with the failing fields.</summary>
public sealed class ValidationException : SunoApplicationException
{
    /// <summary>The FluentValidation error code of a rule whose failure means "too long" (413 when every failure is one).</summary>
    public const string TooLongCode = "too_long";

    public ValidationException(IReadOnlyDictionary<string, string[]> errors, bool tooLong = false)
        : base("invalid_request", BuildMessage(errors))
    {
        Errors = errors;
        TooLong = tooLong;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Field name (as the client spelled it) to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Every failure was a length over a limit: 413 (the hosted family's "prompt too long").</summary>
    public bool TooLong { get; }

    public override int StatusCode => TooLong ? 413 : 400;

    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Count == 0
            ? "The request is invalid."
            : string.Join("; ", errors.SelectMany(e => e.Value));
}

/// <summary>A thing that does not exist: 404.</summary>
public sealed class NotFoundException(string errorCode, string message) : SunoApplicationException(errorCode, message)
{
    public override int StatusCode => 404;

    public static NotFoundException Task(string id) => new("task_not_exist", $"task {id} does not exist");

    public static NotFoundException Clip(string id) => new("clip_not_exist", $"clip {id} does not exist");
}

/// <summary>No usable account is configured (or none is active): 503 with how to configure one.</summary>
public sealed class NoAccountException(string message) : SunoApplicationException("no_account", message)
{
    public override int StatusCode => 503;
}

/// <summary>Suno refused the account's credentials even after one re-authentication: 401 upstream, 503 here.</summary>
public sealed class AccountInvalidException(string message) : SunoApplicationException("account_invalid", message)
{
    public override int StatusCode => 503;
}

/// <summary>Suno answered 402: out of credits.</summary>
public sealed class OutOfCreditsException(string message) : SunoApplicationException("out_of_credits", message)
{
    public override int StatusCode => 402;
}

/// <summary>Suno wants a captcha token and none could be obtained.</summary>
public sealed class CaptchaRequiredException(string message) : SunoApplicationException("captcha_required", message)
{
    public override int StatusCode => 422;
}

/// <summary>Suno rejected the parameters (422 other than the captcha case); the message is Suno's detail.</summary>
public sealed class UpstreamRejectedException(string message) : SunoApplicationException("upstream_rejected", message)
{
    public override int StatusCode => 422;
}

/// <summary>Suno answered 429.</summary>
public sealed class RateLimitedException(string message, TimeSpan? retryAfter) : SunoApplicationException("rate_limited", message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override int StatusCode => 429;
}

/// <summary>Suno could not be reached, timed out, or answered 5xx.</summary>
public sealed class UpstreamUnavailableException(string message, Exception? innerException = null)
    : SunoApplicationException("upstream_unavailable", message, innerException)
{
    public override int StatusCode => 503;
}

/// <summary>An Idempotency-Key replayed with a different request: 422 (nothing is submitted).</summary>
public sealed class IdempotencyConflictException(string message) : SunoApplicationException("idempotency_key_reused", message)
{
    public override int StatusCode => 422;
}

/// <summary>The gateway serves as many cookie accounts as it may at once: 503, try later.</summary>
public sealed class TooManyAccountsException(string message) : SunoApplicationException("too_many_accounts", message)
{
    public override int StatusCode => 503;
}
