namespace Suno.Application.Models;

/// <summary>One Suno model: its upstream name (the generate body's <c>mv</c>) and the input limits Suno enforces.</summary>
public sealed record SunoModel(
    string Mv,
    string DisplayName,
    int PromptMaxLength,
    int TagsMaxLength,
    int TitleMaxLength,
    int NegativeTagsMaxLength = 1000,
    int DescriptionMaxLength = 3000);
