namespace Suno.Domain.Tasks;

/// <summary>The lyrics object a lyrics task returns: {id, status, title, text}.</summary>
public sealed record LyricsResult(string Id, string Status, string? Title, string? Text);
