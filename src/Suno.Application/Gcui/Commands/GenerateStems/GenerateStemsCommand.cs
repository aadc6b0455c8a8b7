using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Gcui.Commands.GenerateStems;

/// <summary>gcui-art's generate_stems: splits a clip into stems (vocals, instrumental); answers the stem clips.</summary>
public sealed record GenerateStemsCommand(string? AudioId) : IRequest<IReadOnlyList<ClipDto>>
{
    public override string ToString() => $"{nameof(GenerateStemsCommand)} ({AudioId})";
}
