using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Suno.Domain.Accounts;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Stores <see cref="DateTime"/> as UTC and reads it back with <see cref="DateTimeKind.Utc"/> on every provider
/// (SQLite keeps text and would otherwise return <see cref="DateTimeKind.Unspecified"/>).
/// An unspecified value is taken to be UTC already (the domain only ever uses UTC); a local one is converted.
/// </summary>
internal sealed class UtcDateTimeConverter()
    : ValueConverter<DateTime, DateTime>(ToStore, FromStore)
{
    private static readonly Expression<Func<DateTime, DateTime>> ToStore = v =>
        v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc);

    private static readonly Expression<Func<DateTime, DateTime>> FromStore = v =>
        DateTime.SpecifyKind(v, DateTimeKind.Utc);
}

/// <summary>The wire names enums are stored as, so the database reads like the API.</summary>
internal static class WireNames
{
    public static TaskAction ParseAction(string value) =>
        TaskActionNames.TryParse(value, out var action)
            ? action
            : throw new InvalidOperationException($"Unknown task action '{value}' in the database.");

    public static string AccountStatusToStore(AccountStatus status) => status switch
    {
        AccountStatus.Active => "active",
        AccountStatus.Exhausted => "exhausted",
        AccountStatus.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown account status."),
    };

    public static AccountStatus ParseAccountStatus(string value) => value switch
    {
        "active" => AccountStatus.Active,
        "exhausted" => AccountStatus.Exhausted,
        "invalid" => AccountStatus.Invalid,
        _ => throw new InvalidOperationException($"Unknown account status '{value}' in the database."),
    };

    public static ValueConverter<SunoTaskStatus, string> TaskStatusConverter { get; } =
        new(v => v.ToWire(), v => SunoTaskStatusNames.FromWire(v));

    public static ValueConverter<TaskAction, string> ActionConverter { get; } =
        new(v => v.ToWire(), v => ParseAction(v));

    public static ValueConverter<ClipStatus, string> ClipStatusConverter { get; } =
        new(v => v.ToWire(), v => ClipStatusNames.Parse(v));

    public static ValueConverter<AccountStatus, string> AccountStatusConverter { get; } =
        new(v => AccountStatusToStore(v), v => ParseAccountStatus(v));
}

/// <summary>A list of strings kept as one JSON text column (identical on SQLite and PostgreSQL).</summary>
internal static class JsonStringList
{
    public static ValueConverter<IReadOnlyList<string>, string> Converter { get; } = new(
        v => Serialize(v),
        v => Deserialize(v));

    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());

    public static string Serialize(IReadOnlyList<string> value) => JsonSerializer.Serialize(value);

    public static List<string> Deserialize(string value) =>
        string.IsNullOrWhiteSpace(value) ? [] : JsonSerializer.Deserialize<List<string>>(value) ?? [];
}
