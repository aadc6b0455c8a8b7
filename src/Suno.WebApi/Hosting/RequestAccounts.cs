namespace Suno.WebApi.Hosting;

/// <summary>
/// A request may bring its own Suno account: a Cookie header holding __client (the gcui-art way of rotating
/// accounts). Any other cookie is not an account and is ignored.
/// </summary>
public static class RequestAccounts
{
    public static string? CookieOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cookie = request.Headers.Cookie.ToString();
        return cookie.Contains("__client=", StringComparison.Ordinal) ? cookie : null;
    }
}
