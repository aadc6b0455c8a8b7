namespace Suno.Application.Chat;

/// <summary>
/// The OpenAI-compatible chat route (section Chat): how long a chat waits for its song (the use case), the song
/// planner and the reply templates (their adapters). Infrastructure reads it from the settings.
/// </summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";
    public const string DefaultModel = "gpt-4o";
    public const int DefaultTimeoutSeconds = 600;
    public const string DefaultTemplateDir = "templates";

    /// <summary>Base URL of an OpenAI-compatible API used to turn a chat into a song request (alias CHAT_OPENAI_BASE).</summary>
    public Uri? OpenAiBase { get; set; }

    /// <summary>Its API key (alias CHAT_OPENAI_KEY). Secret.</summary>
    public string? OpenAiKey { get; set; }

    /// <summary>Its model (alias CHAT_OPENAI_MODEL).</summary>
    public string OpenAiModel { get; set; } = DefaultModel;

    /// <summary>How long a chat request may wait for its song (alias CHAT_TIME_OUT).</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>
    /// What a chat request naming a model that is not a Suno model (NextChat and GPT Actions send gpt-4o) gets
    /// (Chat:UnknownModel): <see cref="UnknownChatModel.Default"/> runs it on the default Suno model (the answer still
    /// echoes the name sent), <see cref="UnknownChatModel.Reject"/> answers 400.
    /// </summary>
    public UnknownChatModel UnknownModel { get; set; } = UnknownChatModel.Default;

    /// <summary>
    /// Folder of the chat reply templates (alias CHAT_TEMPLATE_DIR), absolute. Unset: the templates folder beside
    /// the gateway's binaries (the build copies templates/*.hbs there), so the gateway finds its templates whatever
    /// its working directory. A relative setting is relative to the working directory.
    /// </summary>
    public string TemplateDir { get; set; } = DefaultTemplatePath;

    /// <summary>templates/ beside the binaries.</summary>
    public static string DefaultTemplatePath => Path.Combine(AppContext.BaseDirectory, DefaultTemplateDir);
}

/// <summary>Chat:UnknownModel: how a model name that is not a Suno model is treated.</summary>
public enum UnknownChatModel
{
    /// <summary>Run on the default Suno model (Tasks:DefaultModel); seed 001: the model has no effect.</summary>
    Default,

    /// <summary>Answer 400 naming the accepted models.</summary>
    Reject,
}
