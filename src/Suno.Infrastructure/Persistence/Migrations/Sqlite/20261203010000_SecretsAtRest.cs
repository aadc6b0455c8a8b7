using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// Secrets at rest (Sqlite): JWTs are no longer stored (they live about a minute and are kept in memory). The cookie
/// column keeps its name and now holds the encrypted cookie; plain rows of earlier versions are encrypted when the
/// gateway loads its accounts at start (AccountPool). Written by hand; see ADR-004.
/// </summary>
[DbContext(typeof(SqliteSunoDbContext))]
[Migration("20261203010000_SecretsAtRest")]
public sealed class SecretsAtRest : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        // SQLite 3.35+ drops a column in place (EF's DropColumn needs a model snapshot these hand-written migrations
        // do not have).
        migrationBuilder.Sql("ALTER TABLE accounts DROP COLUMN jwt;");
        migrationBuilder.Sql("ALTER TABLE accounts DROP COLUMN jwt_expires_at;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "jwt", table: "accounts", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "jwt_expires_at", table: "accounts", type: "TEXT", nullable: true);
    }
}
