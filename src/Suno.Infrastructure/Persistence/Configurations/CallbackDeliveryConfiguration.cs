using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Suno.Domain.Callbacks;
using Suno.Domain.Common;

namespace Suno.Infrastructure.Persistence.Configurations;

internal sealed class CallbackDeliveryConfiguration : IEntityTypeConfiguration<CallbackDelivery>
{
    private static readonly ValueConverter<CallbackDeliveryStatus, string> StatusConverter = new(
        v => v == CallbackDeliveryStatus.Delivered ? "delivered" : v == CallbackDeliveryStatus.GivenUp ? "given_up" : "pending",
        v => v == "delivered" ? CallbackDeliveryStatus.Delivered : v == "given_up" ? CallbackDeliveryStatus.GivenUp : CallbackDeliveryStatus.Pending);

    public void Configure(EntityTypeBuilder<CallbackDelivery> builder)
    {
        builder.ToTable("callback_outbox");
        builder.HasKey(c => c.Id).HasName("pk_callback_outbox");
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(FieldLengths.Id).ValueGeneratedNever();
        builder.Property(c => c.TaskId).HasColumnName("task_id").HasMaxLength(FieldLengths.Id);
        builder.Property(c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(FieldLengths.TenantId);
        builder.Property(c => c.Stage).HasColumnName("stage").HasMaxLength(FieldLengths.Status);
        builder.Property(c => c.Sequence).HasColumnName("sequence");
        builder.Property(c => c.Url).HasColumnName("url").HasMaxLength(FieldLengths.Url);
        builder.Property(c => c.Payload).HasColumnName("payload");
        builder.Property(c => c.Status).HasColumnName("status").HasMaxLength(FieldLengths.Status).HasConversion(StatusConverter);
        builder.Property(c => c.Attempts).HasColumnName("attempts");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(c => c.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(c => c.LastError).HasColumnName("last_error").HasMaxLength(FieldLengths.FailReason);

        // Each stage of a task is enqueued once; the worker reads what is due.
        builder.HasIndex(c => new { c.TaskId, c.Stage }).IsUnique().HasDatabaseName("ux_callback_outbox_task_id_stage");
        builder.HasIndex(c => new { c.Status, c.NextAttemptAt }).HasDatabaseName("ix_callback_outbox_status_next_attempt_at");
    }
}
