using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suno.Infrastructure.Persistence.Migrations.Postgres;

/// <summary>First schema: tasks, clips, accounts (PostgreSQL). Written by hand; see ADR-004.</summary>
[DbContext(typeof(PostgresSunoDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "accounts",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                cookie = table.Column<string>(type: "text", nullable: false),
                session_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                jwt = table.Column<string>(type: "text", nullable: true),
                jwt_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                credits_left = table.Column<int>(type: "integer", nullable: true),
                monthly_limit = table.Column<int>(type: "integer", nullable: true),
                monthly_usage = table.Column<int>(type: "integer", nullable: true),
                period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                credits_refreshed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_accounts", x => x.id));

        migrationBuilder.CreateTable(
            name: "tasks",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                fail_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                progress = table.Column<int>(type: "integer", nullable: false),
                created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                submit_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                start_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                finish_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                parameters = table.Column<string>(type: "text", nullable: false),
                upstream_ids = table.Column<string>(type: "text", nullable: false),
                lyrics_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                lyrics_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                lyrics_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                lyrics_text = table.Column<string>(type: "text", nullable: true),
                account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                callback_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                idempotency_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                lease_owner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_tasks", x => x.id));

        migrationBuilder.CreateTable(
            name: "clips",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                task_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                position = table.Column<int>(type: "integer", nullable: false),
                status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                audio_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                video_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                image_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                image_large_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                model_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                major_model_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                negative_tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                prompt = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                gpt_description_prompt = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                duration = table.Column<double>(type: "double precision", nullable: true),
                error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                raw_json = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_clips", x => x.id);
                table.ForeignKey(
                    name: "fk_clips_tasks_task_id",
                    column: x => x.task_id,
                    principalTable: "tasks",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ux_clips_task_id_position",
            table: "clips",
            columns: ["task_id", "position"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ux_tasks_idempotency_key",
            table: "tasks",
            column: "idempotency_key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_tasks_status",
            table: "tasks",
            column: "status");

        migrationBuilder.CreateIndex(
            name: "ix_tasks_lease_until",
            table: "tasks",
            column: "lease_until");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "clips");
        migrationBuilder.DropTable(name: "tasks");
        migrationBuilder.DropTable(name: "accounts");
    }
}
