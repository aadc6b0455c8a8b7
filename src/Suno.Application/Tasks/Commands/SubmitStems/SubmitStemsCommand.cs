using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Commands.SubmitStems;

/// <summary>
/// The hosted API's vocal removal: a clip (<see cref="AudioId"/>) of a music task (<see cref="TaskId"/>) split into its
/// vocals and its instrumental, as a durable task the engine polls until Suno's stems are complete. Answers with the
/// task at once.
/// </summary>
public sealed record SubmitStemsCommand : IRequest<TaskDto>
{
    /// <summary>The type the hosted API means when none is given: two stems, vocals and instrumental.</summary>
    public const string SeparateVocal = "separate_vocal";

    /// <summary>The hosted API's split into up to 12 stems; Suno's call for it is not known yet, so it is refused.</summary>
    public const string SplitStem = "split_stem";

    public string? TaskId { get; init; }

    public string? AudioId { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>separate_vocal (or null); split_stem is refused.</summary>
    public string? Type { get; init; }

    public string? IdempotencyKey { get; init; }

    public override string ToString() => $"{nameof(SubmitStemsCommand)} ({TaskId}, {AudioId}, {Type ?? SeparateVocal})";
}
