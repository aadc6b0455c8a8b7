namespace Suno.Infrastructure.Configuration;

/// <summary>The hierarchical configuration keys, in one place.</summary>
public static class SettingKeys
{
    public const string ServerPort = "Server:Port";
    public const string ServerHost = "Server:Host";
    public const string DatabaseDsn = "Database:Dsn";
    public const string DatabaseSqlitePath = "Database:SqlitePath";
    public const string AuthSecretToken = "Auth:SecretToken";
    public const string SunoCookie = "Suno:Cookie";
    public const string SunoSessionId = "Suno:SessionId";
    public const string SunoBaseUrl = "Suno:BaseUrl";
    public const string SunoClerkBaseUrl = "Suno:ClerkBaseUrl";
    public const string SunoExchangeTokenUrl = "Suno:ExchangeTokenUrl";
    public const string SunoDeviceId = "Suno:DeviceId";
    public const string SunoProxy = "Suno:Proxy";
    public const string SunoCaptchaSolverUrl = "Suno:CaptchaSolverUrl";
    public const string SunoSandbox = "Suno:Sandbox";
    public const string SunoAccounts = "Suno:Accounts";
    public const string SunoPersistRequestAccounts = "Suno:PersistRequestAccounts";
    public const string SunoMaxRequestAccounts = "Suno:MaxRequestAccounts";
    public const string SunoRequestAccountIdleMinutes = "Suno:RequestAccountIdleMinutes";
    public const string ChatOpenAiBase = "Chat:OpenAiBase";
    public const string ChatOpenAiKey = "Chat:OpenAiKey";
    public const string ChatOpenAiModel = "Chat:OpenAiModel";
    public const string ChatTimeoutSeconds = "Chat:TimeoutSeconds";
    public const string ChatTemplateDir = "Chat:TemplateDir";
    public const string ChatUnknownModel = "Chat:UnknownModel";
    public const string TasksPollIntervalSeconds = "Tasks:PollIntervalSeconds";
    public const string TasksTimeoutSeconds = "Tasks:TimeoutSeconds";
    public const string LoggingDebug = "Logging:Debug";
    public const string LoggingRotateLogs = "Logging:RotateLogs";
    public const string LoggingDirectory = "Logging:Directory";
    public const string LoggingRetainedFiles = "Logging:RetainedFiles";
    public const string LoggingFileSizeMegabytes = "Logging:FileSizeMegabytes";
}
