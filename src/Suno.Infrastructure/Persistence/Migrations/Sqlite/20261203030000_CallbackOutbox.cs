using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// The callback outbox (Sqlite): one row per stage of a task's callback, delivered until a 2xx or given up; and the
/// task's callback_error once one was given up. Written by hand; see ADR-004.
/// </summary>
[DbContext(typeof(SqliteSunoDbContext))]
[Migration("20261203030000_CallbackOutbox")]
public sealed class CallbackOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "callback_error", table: "tasks", type: "TEXT", maxLength: 2000, nullable: true);
        migrationBuilder.CreateTable(
            name: "callback_outbox",
            columns: table => new
            {
                id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                task_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                tenant_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                sequence = table.Column<int>(type: "INTEGER", nullable: false),
                url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                payload = table.Column<string>(type: "TEXT", nullable: false),
                status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                attempts = table.Column<int>(type: "INTEGER", nullable: false),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_callback_outbox", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ux_callback_outbox_task_id_stage", table: "callback_outbox", columns: ["task_id", "stage"], unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_callback_outbox_status_next_attempt_at", table: "callback_outbox", columns: ["status", "next_attempt_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "callback_outbox");
        migrationBuilder.DropColumn(name: "callback_error", table: "tasks");
    }
}
