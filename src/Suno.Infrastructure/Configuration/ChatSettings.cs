using Suno.Application.Chat;

namespace Suno.Infrastructure.Configuration;

/// <summary>Reads the chat route's settings (section Chat) into <see cref="ChatOptions"/>.</summary>
public static class ChatSettings
{
    /// <summary>How failures name the template folder setting.</summary>
    public static string TemplateDirSetting => LegacyEnvironmentAliases.Describe(SettingKeys.ChatTemplateDir);

    public static void Read(SettingsReader reader, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.OpenAiBase = reader.HttpUrl(SettingKeys.ChatOpenAiBase, null);
        options.OpenAiKey = reader.Text(SettingKeys.ChatOpenAiKey);
        options.OpenAiModel = reader.Text(SettingKeys.ChatOpenAiModel, ChatOptions.DefaultModel);
        options.TimeoutSeconds = reader.Number(SettingKeys.ChatTimeoutSeconds, ChatOptions.DefaultTimeoutSeconds, 1, 86_400);
        options.UnknownModel = UnknownModel(reader);
        var templateDir = reader.Text(SettingKeys.ChatTemplateDir);
        options.TemplateDir = templateDir is null ? ChatOptions.DefaultTemplatePath : Path.GetFullPath(templateDir);
    }

    private static UnknownChatModel UnknownModel(SettingsReader reader)
    {
        var raw = reader.Text(SettingKeys.ChatUnknownModel);
        switch (raw?.ToUpperInvariant())
        {
            case null or "DEFAULT":
                return UnknownChatModel.Default;
            case "REJECT":
                return UnknownChatModel.Reject;
            default:
                reader.Fail(SettingKeys.ChatUnknownModel, $"must be 'default' or 'reject', got '{SettingsReader.Echo(raw)}'");
                return UnknownChatModel.Default;
        }
    }
}
