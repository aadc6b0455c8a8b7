namespace Suno.WebApi.Hosting;

/// <summary>Limits on what a client may send.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body Kestrel accepts (1 MiB; the longest prompt Suno takes is 5,000 characters).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;
}
