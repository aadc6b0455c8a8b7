using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suno.Application.Chat;
using Suno.Application.Chat.Common;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Templates;

namespace Suno.Infrastructure.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The chat route's adapters: the song planner (an OpenAI-compatible model, when configured) and the reply
    /// templates, compiled at start; a missing or broken template stops the start with one line naming the file.
    /// The chat use cases themselves are registered by Application's AddApplicationServices.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient<ISongPlanner, OpenAiSongPlanner>(client => client.Timeout = OpenAiSongPlanner.Timeout + TimeSpan.FromSeconds(5));

        services.AddOptions<ChatTemplateSet>()
            .Configure<IOptions<ChatOptions>>((set, chat) => set.Load(chat.Value.TemplateDir, ChatSettings.TemplateDirSetting))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatTemplateSet>, ChatTemplateSetValidator>();
        services.AddSingleton<IChatReplyRenderer, HandlebarsChatReplyRenderer>();
        return services;
    }

    private sealed class ChatTemplateSetValidator : IValidateOptions<ChatTemplateSet>
    {
        public ValidateOptionsResult Validate(string? name, ChatTemplateSet options) =>
            options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
    }
}
