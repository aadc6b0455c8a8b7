using System.Text.Json;
using MediatR;

namespace Suno.Application.Gcui.Queries.GetPersona;

/// <summary>gcui-art's persona: one page (1-based) of a persona and its clips, Suno's answer as is.</summary>
public sealed record GetPersonaQuery(string? Id, string? Page) : IRequest<JsonElement>
{
    public override string ToString() => $"{nameof(GetPersonaQuery)} ({Id}, page {Page})";
}
