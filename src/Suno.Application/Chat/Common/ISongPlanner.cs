namespace Suno.Application.Chat.Common;

/// <summary>
/// Turns a conversation into generation parameters, typically by asking an OpenAI-compatible model with function
/// calling (Chat:OpenAiBase, Chat:OpenAiKey). Answers null when no planner is configured or the call failed in any
/// way (the caller then uses the last user message as the description); only cancellation by the caller throws.
/// </summary>
public interface ISongPlanner
{
    Task<SongPlan?> PlanAsync(IReadOnlyList<ChatMessage> conversation, CancellationToken cancellationToken);
}

/// <summary>
/// The arguments of the generate_song tool. <see cref="Prompt"/> holds lyrics (custom mode); when it is empty the
/// song is made from the user's words (inspiration mode) with the other fields as hints.
/// </summary>
public sealed record SongPlan(
    string? Prompt,
    string? Tags,
    string? Title,
    bool MakeInstrumental,
    string? ContinueClipId,
    double? ContinueAt);
