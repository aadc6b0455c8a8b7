using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Accounts;
using Suno.Domain.Callbacks;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// The gateway's database. The model is the same on every provider; each provider has a thin subclass
/// (<see cref="SqliteSunoDbContext"/>, <see cref="PostgresSunoDbContext"/>, <see cref="SqlServerSunoDbContext"/>) so
/// that each owns its own migration set and model snapshot (see docs/decisions/ADR-017-migrations-with-dotnet-ef.md).
/// Resolve <see cref="SunoDbContext"/> or <see cref="ISunoDbContext"/>; the configured subclass is returned.
/// </summary>
public abstract class SunoDbContext : DbContext, ISunoDbContext
{
    protected SunoDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SunoTask> Tasks => Set<SunoTask>();

    public DbSet<Clip> Clips => Set<Clip>();

    public DbSet<SunoAccount> Accounts => Set<SunoAccount>();

    public DbSet<CallbackDelivery> CallbackDeliveries => Set<CallbackDelivery>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        FitUpstreamText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        FitUpstreamText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SunoDbContext).Assembly);
    }

    /// <summary>
    /// Clip fields come from Suno unvalidated. PostgreSQL refuses a value longer than its column (SQLite does not
    /// check), and one over-long title would then fail every poll of its task on PostgreSQL only. So text columns of
    /// clips are cut to their length on both providers; the full clip stays in <c>raw_json</c>.
    /// </summary>
    private void FitUpstreamText()
    {
        foreach (var entry in ChangeTracker.Entries<Clip>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text
                    && property.Metadata.GetMaxLength() is { } max
                    && text.Length > max
                    && !property.Metadata.IsKey()
                    && !property.Metadata.IsForeignKey())
                {
                    var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
                    property.CurrentValue = text[..cut];
                }
            }
        }
    }
}

/// <summary>The SQLite flavour of <see cref="SunoDbContext"/>; owns Migrations/Sqlite.</summary>
public sealed class SqliteSunoDbContext(DbContextOptions<SqliteSunoDbContext> options) : SunoDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="SunoDbContext"/>; owns Migrations/Postgres.</summary>
public sealed class PostgresSunoDbContext(DbContextOptions<PostgresSunoDbContext> options) : SunoDbContext(options);

/// <summary>
/// The SQL Server flavour of <see cref="SunoDbContext"/>; owns Migrations/SqlServer. Text columns compare as the
/// other providers do, byte for byte (a binary collation: SQL Server's default one ignores case, so "Key" and "key"
/// would be one Idempotency-Key there). Lengths over 4000 become nvarchar(max), as SQL Server requires; the
/// model's limit still cuts clip text (see FitUpstreamText).
/// </summary>
public sealed class SqlServerSunoDbContext(DbContextOptions<SqlServerSunoDbContext> options) : SunoDbContext(options)
{
    /// <summary>The collation of every text column on SQL Server.</summary>
    public const string BinaryCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) || property.GetValueConverter()?.ProviderClrType == typeof(string))
            {
                property.SetCollation(BinaryCollation);
            }
        }
    }
}
