using Microsoft.Extensions.Options;

namespace Suno.Infrastructure.Persistence;

/// <summary>Refuses a database setting the gateway cannot use, at start, with a message naming the setting.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StartupRetrySeconds is < 0 or > 3600)
        {
            return ValidateOptionsResult.Fail(
                $"Database:StartupRetrySeconds must be a whole number from 0 to 3600, got '{options.StartupRetrySeconds}'");
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return DsnParser.TryParse(options.Dsn, out _, out _, out var error)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(error);
        }

        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            return ValidateOptionsResult.Fail(
                "SQLITE_PATH (Database:SqlitePath) is empty; set a file path such as data/suno.db, or set SQL_DSN for PostgreSQL or SQL Server.");
        }

        return ValidateOptionsResult.Success;
    }
}
