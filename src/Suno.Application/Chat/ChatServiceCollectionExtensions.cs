using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Chat.Common;

namespace Suno.Application.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The chat use cases' own services; Infrastructure adds the planner and the reply renderer.</summary>
    public static IServiceCollection AddChatUseCases(this IServiceCollection services)
    {
        services.AddScoped<ChatSongFollower>();
        return services;
    }
}
