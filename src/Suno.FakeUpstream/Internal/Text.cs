using System.Globalization;
using System.Text;

namespace Suno.FakeUpstream.Internal;

/// <summary>Makes up titles and lyrics the way Suno's models would, deterministically.</summary>
internal static class Text
{
    public static string TitleFrom(string prompt, string fallback)
    {
        var words = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Take(4)
            .ToList();
        return words.Count == 0
            ? fallback
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words).ToLowerInvariant());
    }

    public static string LyricsFrom(string prompt)
    {
        var subject = string.IsNullOrWhiteSpace(prompt) ? "the night" : prompt.Trim();
        if (subject.Length > 60)
        {
            subject = subject[..60];
        }

        var builder = new StringBuilder();
        builder.Append("[Verse]\n");
        builder.Append("Walking through ").Append(subject).Append('\n');
        builder.Append("Every step a little song\n");
        builder.Append("[Chorus]\n");
        builder.Append("Sing it loud, sing it long\n");
        builder.Append("Here is where we all belong");
        return builder.ToString();
    }
}
