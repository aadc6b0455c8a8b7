using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Postgres;

/// <summary>
/// Account lifecycle (Postgres): when an exhausted or invalid account is checked again, the refusals in a row
/// (backoff, and the cookie refusals before an account is invalid), the 429 cooldown and the plan-limit mark, so
/// every process on the database sees the same state. Written by hand; see ADR-004 and ADR-013.
/// </summary>
[DbContext(typeof(PostgresSunoDbContext))]
[Migration("20261215000000_AccountLifecycle")]
public sealed class AccountLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<DateTime>(
            name: "next_check_at",
            table: "accounts",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "check_failures",
            table: "accounts",
            type: "integer",
            nullable: false, defaultValue: 0);

        migrationBuilder.AddColumn<int>(
            name: "auth_failures",
            table: "accounts",
            type: "integer",
            nullable: false, defaultValue: 0);

        migrationBuilder.AddColumn<DateTime>(
            name: "cooldown_until",
            table: "accounts",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<bool>(
            name: "plan_limited",
            table: "accounts",
            type: "boolean",
            nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "plan_limited", table: "accounts");
        migrationBuilder.DropColumn(name: "cooldown_until", table: "accounts");
        migrationBuilder.DropColumn(name: "auth_failures", table: "accounts");
        migrationBuilder.DropColumn(name: "check_failures", table: "accounts");
        migrationBuilder.DropColumn(name: "next_check_at", table: "accounts");
    }
}
