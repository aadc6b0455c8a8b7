using MediatR;

namespace Suno.Application.Gcui.Commands.GenerateStems;

/// <summary>gcui-art's generate_stems: splits a clip into stems (vocals, instrumental).</summary>
public sealed record GenerateStemsCommand(string? AudioId, string? AccountCookie) : IRequest<IReadOnlyList<StemInfo>>
{
    public override string ToString() => $"{nameof(GenerateStemsCommand)} ({AudioId})";
}

/// <summary>One stem as gcui-art lists it.</summary>
public sealed record StemInfo(string Id, string? Status, string? CreatedAt, string? Title, string? StemFromId, double? Duration);
