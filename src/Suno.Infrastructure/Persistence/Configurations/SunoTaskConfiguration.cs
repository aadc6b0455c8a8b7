using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suno.Domain.Common;
using Suno.Domain.Tasks;

namespace Suno.Infrastructure.Persistence.Configurations;

internal sealed class SunoTaskConfiguration : IEntityTypeConfiguration<SunoTask>
{
    public void Configure(EntityTypeBuilder<SunoTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id).HasName("pk_tasks");

        builder.Property(t => t.Id).HasColumnName("id").HasMaxLength(FieldLengths.Id).ValueGeneratedNever();
        builder.Property(t => t.Action).HasColumnName("action").HasMaxLength(FieldLengths.Action)
            .HasConversion(WireNames.ActionConverter);
        builder.Property(t => t.Status).HasColumnName("status").HasMaxLength(FieldLengths.Status)
            .HasConversion(WireNames.TaskStatusConverter);
        builder.Property(t => t.FailReason).HasColumnName("fail_reason").HasMaxLength(FieldLengths.FailReason);
        builder.Property(t => t.Progress).HasColumnName("progress");
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");
        builder.Property(t => t.UpdatedAt).HasColumnName("updated_at");
        builder.Property(t => t.SubmitTime).HasColumnName("submit_time");
        builder.Property(t => t.StartTime).HasColumnName("start_time");
        builder.Property(t => t.FinishTime).HasColumnName("finish_time");
        builder.Property(t => t.Parameters).HasColumnName("parameters");
        builder.Property(t => t.AccountId).HasColumnName("account_id").HasMaxLength(FieldLengths.Id);
        builder.Property(t => t.CallbackUrl).HasColumnName("callback_url").HasMaxLength(FieldLengths.Url);
        builder.Property(t => t.CallbackError).HasColumnName("callback_error").HasMaxLength(FieldLengths.FailReason);
        builder.Property(t => t.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(FieldLengths.IdempotencyKey);
        builder.Property(t => t.TenantId).HasColumnName("tenant_id").HasMaxLength(FieldLengths.TenantId).HasDefaultValue(Tenants.Pool);
        builder.Property(t => t.RequestHash).HasColumnName("request_hash").HasMaxLength(FieldLengths.Hash);
        builder.Property(t => t.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(FieldLengths.LeaseOwner);
        builder.Property(t => t.LeaseUntil).HasColumnName("lease_until");

        builder.Property(t => t.UpstreamIds)
            .HasField("_upstreamIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName("upstream_ids")
            .HasConversion(JsonStringList.Converter, JsonStringList.Comparer)
            .IsRequired();

        builder.OwnsOne(t => t.Lyrics, lyrics =>
        {
            lyrics.Property(l => l.Id).HasColumnName("lyrics_id").HasMaxLength(FieldLengths.Id);
            lyrics.Property(l => l.Status).HasColumnName("lyrics_status").HasMaxLength(FieldLengths.Status);
            lyrics.Property(l => l.Title).HasColumnName("lyrics_title").HasMaxLength(FieldLengths.Title);
            lyrics.Property(l => l.Text).HasColumnName("lyrics_text");
        });

        builder.HasMany(t => t.Clips)
            .WithOne()
            .HasForeignKey(c => c.TaskId)
            .HasConstraintName("fk_clips_tasks_task_id")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Clips)
            .HasField("_clips")
            .UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(t => new { t.TenantId, t.IdempotencyKey }).IsUnique().HasDatabaseName("ux_tasks_tenant_id_idempotency_key");
        builder.HasIndex(t => t.Status).HasDatabaseName("ix_tasks_status");
        builder.HasIndex(t => t.LeaseUntil).HasDatabaseName("ix_tasks_lease_until");
    }
}
