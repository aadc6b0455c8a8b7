using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Suno.Infrastructure.Persistence;

// The contexts dotnet-ef builds (`dotnet ef migrations add`, `migrations script`, `migrations has-pending-model-changes`),
// one per provider, with the same provider settings as the gateway. Those commands never connect, so the connection
// strings are placeholders; `dotnet ef database update` would use them, and the gateway migrates itself at start anyway.
// See docs/development.md.

/// <summary>Design-time SQLite context for dotnet-ef.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSunoDbContext>
{
    public SqliteSunoDbContext CreateDbContext(string[] args) =>
        new(SunoDbContextOptions.UseSqlite(new DbContextOptionsBuilder<SqliteSunoDbContext>(), "Data Source=design-time.db").Options);
}

/// <summary>Design-time PostgreSQL context for dotnet-ef.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSunoDbContext>
{
    public PostgresSunoDbContext CreateDbContext(string[] args) =>
        new(SunoDbContextOptions.UsePostgres(new DbContextOptionsBuilder<PostgresSunoDbContext>(), "Host=localhost;Database=suno").Options);
}

/// <summary>Design-time SQL Server context for dotnet-ef.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSunoDbContext>
{
    public SqlServerSunoDbContext CreateDbContext(string[] args) =>
        new(SunoDbContextOptions.UseSqlServer(new DbContextOptionsBuilder<SqlServerSunoDbContext>(), "Server=localhost;Database=suno;Integrated Security=false").Options);
}
