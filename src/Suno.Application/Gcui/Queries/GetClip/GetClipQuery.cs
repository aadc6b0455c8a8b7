using System.Text.Json;
using MediatR;

namespace Suno.Application.Gcui.Queries.GetClip;

/// <summary>gcui-art's clip: Suno's clip object as is (gcui-art reads it with the configured account).</summary>
public sealed record GetClipQuery(string? Id) : IRequest<JsonElement>
{
    public override string ToString() => $"{nameof(GetClipQuery)} ({Id})";
}
