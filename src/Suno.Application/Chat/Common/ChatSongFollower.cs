using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.Extensions.Options;
using Suno.Application.Tasks.Engine;
using Suno.Application.Tasks.Queries.GetTask;

namespace Suno.Application.Chat.Common;

/// <summary>What a chat waiting for its song learns on each wake-up.</summary>
public enum ChatSongProgress
{
    /// <summary>Still being made.</summary>
    Running,

    /// <summary>SUCCESS or FAILURE: render the reply.</summary>
    Finished,

    /// <summary>The chat's time is up; the task goes on.</summary>
    TimedOut,
}

/// <summary>A snapshot of the song and what it means.</summary>
public sealed record ChatSongUpdate(ChatSong Song, ChatSongProgress Progress);

/// <summary>
/// Follows a submitted song for a chat reply without ever calling Suno: it reads the task, then sleeps until the
/// task engine's poller publishes news of it (<see cref="ITaskChangeNotifier"/>) or one poll interval passed (the
/// task may be polled by another process), and reads it again. Yields one update per wake-up: Running while the song
/// is made, then Finished, or TimedOut once <c>timeout</c> has passed.
/// </summary>
public sealed class ChatSongFollower(
    IMediator mediator,
    ITaskChangeNotifier notifier,
    IOptions<TaskEngineOptions> options,
    TimeProvider timeProvider)
{
    public async IAsyncEnumerable<ChatSongUpdate> FollowAsync(
        string taskId,
        string model,
        TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var pollInterval = options.Value.PollInterval;
        while (true)
        {
            var task = await mediator.Send(new GetTaskQuery(taskId), cancellationToken).ConfigureAwait(false);
            var song = ChatSong.From(task, model);
            if (song.IsFinished)
            {
                yield return new ChatSongUpdate(song, ChatSongProgress.Finished);
                yield break;
            }

            var remaining = timeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                yield return new ChatSongUpdate(song, ChatSongProgress.TimedOut);
                yield break;
            }

            yield return new ChatSongUpdate(song, ChatSongProgress.Running);
            await notifier.WaitAsync(taskId, remaining < pollInterval ? remaining : pollInterval, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
