using Suno.Application.Common.Exceptions;

namespace Suno.Application.Chat.Common;

/// <summary>The song was not ready within Chat:TimeoutSeconds: 504 (the task itself goes on).</summary>
public sealed class ChatTimeoutException(string message) : SunoApplicationException("request_timeout", message)
{
    public override int StatusCode => 504;

    public static ChatTimeoutException For(ChatSong song, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(song);
        return new ChatTimeoutException(TimeoutText(song, timeout));
    }

    /// <summary>What a client is told when its song is late: how long it waited and where to find the song later.</summary>
    public static string TimeoutText(ChatSong song, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(song);
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The song was not ready after {timeout.TotalSeconds:0} s (task {song.TaskId}, status {song.Status}). It is still being made: fetch it later with GET /suno/fetch/{song.TaskId}.");
    }
}
