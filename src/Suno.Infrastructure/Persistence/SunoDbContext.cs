using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Accounts;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// The gateway's database. The model is the same on every provider; each provider has a thin subclass
/// (<see cref="SqliteSunoDbContext"/>, <see cref="PostgresSunoDbContext"/>) only so that each owns its own
/// hand-written migration set (see docs/decisions/ADR-004-hand-written-migrations.md).
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

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // There is no model snapshot: migrations are written by hand (dotnet-ef does not restore here), so EF would
        // always report "pending model changes". The schema tests (Persistence/SchemaTests) compare a migrated
        // database with one created from the model instead, which is what catches a forgotten migration.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
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
}

/// <summary>The SQLite flavour of <see cref="SunoDbContext"/>; owns Migrations/Sqlite.</summary>
public sealed class SqliteSunoDbContext(DbContextOptions<SqliteSunoDbContext> options) : SunoDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="SunoDbContext"/>; owns Migrations/Postgres.</summary>
public sealed class PostgresSunoDbContext(DbContextOptions<PostgresSunoDbContext> options) : SunoDbContext(options);
