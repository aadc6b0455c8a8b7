using System.Diagnostics;

namespace Suno.WebApi.FunctionalTests.Support;

/// <summary>Polls a condition until it holds or the time is up; fails with a description, never a bare sleep.</summary>
public static class Eventually
{
    public static async Task AssertAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (watch.Elapsed < limit)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                last = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {description}.{(last is null ? string.Empty : " Last error: " + last.Message)}");
    }
}
