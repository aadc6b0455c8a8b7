using System.Text;

namespace Suno.Application.Chat.Common;

/// <summary>
/// Requests chat frontends send on their own, which must not cost a song: NextChat's automatic title request (the
/// last user message asks for "a four to five word title") and its memory summaries (the conversation ends with a
/// system message asking to summarize it). Both are answered from the conversation itself.
/// </summary>
public static class SideRequests
{
    private const string TitlePrefix = "Please generate a four to five word title";
    private const string SummaryPrefix = "Summarize the discussion briefly";
    private const int SummaryMaxWords = 200;

    /// <summary>The plain reply to a side request, or null when the conversation asks for a song.</summary>
    public static string? TryAnswer(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return null;
        }

        var lastUser = messages.LastOrDefault(m => m.IsUser);
        if (lastUser is not null && lastUser.Content.TrimStart().StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Title(SongRequests(messages));
        }

        var last = messages[^1];
        if (last.IsSystem && last.Content.TrimStart().StartsWith(SummaryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Summary(SongRequests(messages));
        }

        return null;
    }

    /// <summary>The user messages that asked for songs (not the side requests themselves).</summary>
    private static List<string> SongRequests(IReadOnlyList<ChatMessage> messages) =>
        messages.Where(m => m.IsUser && !string.IsNullOrWhiteSpace(m.Content)
                                     && !m.Content.TrimStart().StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Content.Trim())
            .ToList();

    /// <summary>Up to five words of the first song request, without punctuation.</summary>
    private static string Title(List<string> requests)
    {
        var words = (requests.FirstOrDefault() ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '\'', '.', ',', '!', '?', ':', ';', '(', ')'))
            .Where(w => w.Length > 0)
            .Take(5)
            .ToList();
        if (words.Count == 0)
        {
            return "Song Request";
        }

        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static string Summary(List<string> requests)
    {
        if (requests.Count == 0)
        {
            return "No song has been requested yet.";
        }

        var text = new StringBuilder("Songs requested so far: ");
        text.AppendJoin("; ", requests.Select(r => r.ReplaceLineEndings(" ")));
        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= SummaryMaxWords
            ? text.ToString()
            : string.Join(' ', words.Take(SummaryMaxWords)) + " ...";
    }
}
