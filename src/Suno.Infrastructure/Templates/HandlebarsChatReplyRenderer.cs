using Microsoft.Extensions.Options;
using Suno.Application.Chat.Common;

namespace Suno.Infrastructure.Templates;

/// <summary>Renders the chat replies with the templates compiled at start.</summary>
public sealed class HandlebarsChatReplyRenderer(IOptions<ChatTemplateSet> templates) : IChatReplyRenderer
{
    public string Submitted(ChatSong song) => templates.Value.Submit(ChatTemplateModel.From(song), null!);

    public string Tick(ChatSong song) => templates.Value.Tick(ChatTemplateModel.From(song), null!);

    public string Reply(ChatSong song) => templates.Value.Reply(ChatTemplateModel.From(song), null!);
}
