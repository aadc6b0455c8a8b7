namespace Suno.Application.Chat.Common;

/// <summary>One message of a chat conversation: its role (system, user, assistant, tool) and its text.</summary>
public sealed record ChatMessage(string Role, string Content)
{
    public const string User = "user";
    public const string System = "system";
    public const string Assistant = "assistant";

    public bool IsUser => string.Equals(Role, User, StringComparison.OrdinalIgnoreCase);

    public bool IsSystem => string.Equals(Role, System, StringComparison.OrdinalIgnoreCase);
}
