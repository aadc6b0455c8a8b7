namespace Suno.Application.Chat.Common;

/// <summary>What a chat completion reports, in order.</summary>
public enum ChatEventKind
{
    /// <summary>The request is valid and under way (a stream sends its headers now); carries the model name only.</summary>
    Accepted,

    /// <summary>A note while the song is made (the submission note, a progress note); streamed answers only.</summary>
    Progress,

    /// <summary>The reply: the finished (or failed) song, or the answer to a side request. The last event.</summary>
    Finished,

    /// <summary>The song was not ready in time: what to tell the client. The last event (streamed answers only).</summary>
    TimedOut,
}

/// <summary>One event of a chat completion: its kind, the text to add to the reply, and the model as the client named it.</summary>
public sealed record ChatEvent(ChatEventKind Kind, string Text, string Model);
