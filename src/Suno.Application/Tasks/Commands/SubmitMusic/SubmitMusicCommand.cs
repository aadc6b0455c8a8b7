using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Commands.SubmitMusic;

/// <summary>
/// A song: custom mode (<see cref="Prompt"/> holds lyrics, with <see cref="Tags"/> and <see cref="Title"/>),
/// inspiration mode (<see cref="GptDescriptionPrompt"/>), or a continuation of a clip of an earlier task
/// (<see cref="ContinueClipId"/>, <see cref="ContinueAt"/>, <see cref="SourceTaskId"/>). Every API family's controller
/// sends this once; it answers with the task, at once or after <see cref="Wait"/>.
/// </summary>
public sealed record SubmitMusicCommand : IRequest<TaskDto>
{
    public string? Prompt { get; init; }

    public string? GptDescriptionPrompt { get; init; }

    public string? Title { get; init; }

    public string? Tags { get; init; }

    public string? NegativeTags { get; init; }

    /// <summary>female or male: appended to the tags as "female vocals" / "male vocals".</summary>
    public string? VocalGender { get; init; }

    /// <summary>Model name or alias; Tasks:DefaultModel when empty (a family with its own default fills it in).</summary>
    public string? Model { get; init; }

    public bool MakeInstrumental { get; init; }

    public string? ContinueClipId { get; init; }

    public double? ContinueAt { get; init; }

    /// <summary>The task that made <see cref="ContinueClipId"/> (the task API's task_id).</summary>
    public string? SourceTaskId { get; init; }

    /// <summary>
    /// gcui-art's extend_audio names only the clip: when set and <see cref="SourceTaskId"/> is empty, the task that
    /// made <see cref="ContinueClipId"/> is looked up by the clip (its account then pays); a clip no task of ours
    /// made is continued on the request's or the pool's account.
    /// </summary>
    public bool FindSourceTaskByClip { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>The hosted family's (/api/v1/*) own required flags, as the request gave them; null for other families.</summary>
    public HostedFlags? Hosted { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>What the answer waits for (at most <see cref="MaxWait"/>).</summary>
    public TaskWait Wait { get; init; }

    public TimeSpan MaxWait { get; init; }

    /// <summary>The family whose field names the errors use.</summary>
    public SubmissionDialect Dialect { get; init; }

    /// <summary>Whether this is a continuation of an earlier clip.</summary>
    public bool IsExtension => !string.IsNullOrWhiteSpace(ContinueClipId);

    public override string ToString() => $"{nameof(SubmitMusicCommand)} (model {Model ?? "default"}, extension {IsExtension}, wait {Wait})";
}

/// <summary>
/// The flags the hosted API (sunoapi.org's /api/v1/*) requires, null when the request left them out, so the validator
/// can name a missing one. <see cref="DefaultParamFlag"/> is for extensions only.
/// </summary>
public sealed record HostedFlags(bool? CustomMode, bool? Instrumental, bool? DefaultParamFlag = null, bool IsExtend = false);
