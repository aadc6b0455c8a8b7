namespace Suno.Application.Chat.Common;

/// <summary>Renders the chat replies from the templates (chat_stream_submit, chat_stream_tick, chat_resp).</summary>
public interface IChatReplyRenderer
{
    /// <summary>Sent once in a stream, right after the song was submitted.</summary>
    string Submitted(ChatSong song);

    /// <summary>Sent in a stream on each tick while the song is being made.</summary>
    string Tick(ChatSong song);

    /// <summary>The final answer: the finished (or failed) song.</summary>
    string Reply(ChatSong song);
}
