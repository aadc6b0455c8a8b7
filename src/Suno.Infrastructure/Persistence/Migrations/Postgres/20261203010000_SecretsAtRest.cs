using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Postgres;

/// <summary>
/// Secrets at rest (Postgres): JWTs are no longer stored (they live about a minute and are kept in memory). The cookie
/// column keeps its name and now holds the encrypted cookie; plain rows of earlier versions are encrypted when the
/// gateway loads its accounts at start (AccountPool). Written by hand; see ADR-004.
/// </summary>
[DbContext(typeof(PostgresSunoDbContext))]
[Migration("20261203010000_SecretsAtRest")]
public sealed class SecretsAtRest : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "jwt", table: "accounts");
        migrationBuilder.DropColumn(name: "jwt_expires_at", table: "accounts");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "jwt", table: "accounts", type: "text", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "jwt_expires_at", table: "accounts", type: "timestamp with time zone", nullable: true);
    }
}
