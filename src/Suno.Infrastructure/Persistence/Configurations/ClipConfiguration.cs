using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suno.Domain.Clips;
using Suno.Domain.Common;

namespace Suno.Infrastructure.Persistence.Configurations;

internal sealed class ClipConfiguration : IEntityTypeConfiguration<Clip>
{
    public void Configure(EntityTypeBuilder<Clip> builder)
    {
        builder.ToTable("clips");
        builder.HasKey(c => c.Id).HasName("pk_clips");

        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(FieldLengths.Id).ValueGeneratedNever();
        builder.Property(c => c.TaskId).HasColumnName("task_id").HasMaxLength(FieldLengths.Id);
        builder.Property(c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(FieldLengths.TenantId).HasDefaultValue(Tenants.Pool);
        builder.Property(c => c.Position).HasColumnName("position");
        builder.Property(c => c.Status).HasColumnName("status").HasMaxLength(FieldLengths.Status)
            .HasConversion(WireNames.ClipStatusConverter);
        builder.Property(c => c.Title).HasColumnName("title").HasMaxLength(FieldLengths.Title);
        builder.Property(c => c.AudioUrl).HasColumnName("audio_url").HasMaxLength(FieldLengths.Url);
        builder.Property(c => c.VideoUrl).HasColumnName("video_url").HasMaxLength(FieldLengths.Url);
        builder.Property(c => c.ImageUrl).HasColumnName("image_url").HasMaxLength(FieldLengths.Url);
        builder.Property(c => c.ImageLargeUrl).HasColumnName("image_large_url").HasMaxLength(FieldLengths.Url);
        builder.Property(c => c.ModelName).HasColumnName("model_name").HasMaxLength(FieldLengths.ModelName);
        builder.Property(c => c.MajorModelVersion).HasColumnName("major_model_version").HasMaxLength(FieldLengths.ModelName);
        builder.Property(c => c.Tags).HasColumnName("tags").HasMaxLength(FieldLengths.Tags);
        builder.Property(c => c.NegativeTags).HasColumnName("negative_tags").HasMaxLength(FieldLengths.NegativeTags);
        builder.Property(c => c.Prompt).HasColumnName("prompt").HasMaxLength(FieldLengths.Prompt);
        builder.Property(c => c.GptDescriptionPrompt).HasColumnName("gpt_description_prompt")
            .HasMaxLength(FieldLengths.DescriptionPrompt);
        builder.Property(c => c.Type).HasColumnName("type").HasMaxLength(FieldLengths.ClipType);
        builder.Property(c => c.Duration).HasColumnName("duration");
        builder.Property(c => c.ErrorMessage).HasColumnName("error_message").HasMaxLength(FieldLengths.FailReason);
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.RawJson).HasColumnName("raw_json");

        // Clips are read in Suno's order; (task_id, position) also serves the foreign key.
        builder.HasIndex(c => new { c.TaskId, c.Position }).IsUnique().HasDatabaseName("ux_clips_task_id_position");
    }
}
