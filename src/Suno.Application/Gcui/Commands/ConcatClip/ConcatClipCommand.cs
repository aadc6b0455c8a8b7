using System.Text.Json;
using MediatR;

namespace Suno.Application.Gcui.Commands.ConcatClip;

/// <summary>gcui-art's concat: asks Suno for the full song of an extended clip; answers Suno's new clip as is.</summary>
public sealed record ConcatClipCommand(string? ClipId) : IRequest<JsonElement>
{
    public override string ToString() => $"{nameof(ConcatClipCommand)} ({ClipId})";
}
