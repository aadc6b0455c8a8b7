using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Postgres;

/// <summary>
/// Tenancy (Postgres): every task and clip records its tenant (existing rows belong to the pool), a task keeps a hash of
/// what was submitted, and an Idempotency-Key is unique per tenant instead of globally. Written by hand; see ADR-004.
/// </summary>
[DbContext(typeof(PostgresSunoDbContext))]
[Migration("20261203000000_Tenancy")]
public sealed class Tenancy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(
            name: "tenant_id", table: "tasks", type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "pool");
        migrationBuilder.AddColumn<string>(
            name: "request_hash", table: "tasks", type: "character varying(64)", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(
            name: "tenant_id", table: "clips", type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "pool");
        migrationBuilder.DropIndex(name: "ux_tasks_idempotency_key", table: "tasks");
        migrationBuilder.CreateIndex(
            name: "ux_tasks_tenant_id_idempotency_key", table: "tasks", columns: ["tenant_id", "idempotency_key"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "ux_tasks_tenant_id_idempotency_key", table: "tasks");
        migrationBuilder.CreateIndex(name: "ux_tasks_idempotency_key", table: "tasks", column: "idempotency_key", unique: true);
        migrationBuilder.DropColumn(name: "tenant_id", table: "clips");
        migrationBuilder.DropColumn(name: "request_hash", table: "tasks");
        migrationBuilder.DropColumn(name: "tenant_id", table: "tasks");
    }
}
