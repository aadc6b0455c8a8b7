using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suno.Domain.Accounts;
using Suno.Domain.Common;

namespace Suno.Infrastructure.Persistence.Configurations;

internal sealed class SunoAccountConfiguration : IEntityTypeConfiguration<SunoAccount>
{
    /// <summary>The shadow property holding the encrypted cookie.</summary>
    public const string StoredCookie = "StoredCookie";

    public void Configure(EntityTypeBuilder<SunoAccount> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id).HasName("pk_accounts");

        builder.Property(a => a.Id).HasColumnName("id").HasMaxLength(FieldLengths.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasColumnName("name").HasMaxLength(FieldLengths.AccountName);
        // Secrets at rest: the cookie is stored encrypted (CookieProtector) in a shadow column the account store
        // fills; the entity's plain Cookie is never mapped. JWTs live about a minute and are kept in memory only.
        builder.Ignore(a => a.Cookie);
        builder.Property<string>(StoredCookie).HasColumnName("cookie").IsRequired();
        builder.Property(a => a.SessionId).HasColumnName("session_id").HasMaxLength(FieldLengths.Id);
        builder.Ignore(a => a.Jwt);
        builder.Ignore(a => a.JwtExpiresAt);
        builder.Property(a => a.CreditsLeft).HasColumnName("credits_left");
        builder.Property(a => a.MonthlyLimit).HasColumnName("monthly_limit");
        builder.Property(a => a.MonthlyUsage).HasColumnName("monthly_usage");
        builder.Property(a => a.Period).HasColumnName("period").HasMaxLength(FieldLengths.Period);
        builder.Property(a => a.Status).HasColumnName("status").HasMaxLength(FieldLengths.Status)
            .HasConversion(WireNames.AccountStatusConverter);
        builder.Property(a => a.LastError).HasColumnName("last_error").HasMaxLength(FieldLengths.LastError);
        builder.Property(a => a.CreditsRefreshedAt).HasColumnName("credits_refreshed_at");
        builder.Property(a => a.NextCheckAt).HasColumnName("next_check_at");
        builder.Property(a => a.CheckFailures).HasColumnName("check_failures").HasDefaultValue(0);
        builder.Property(a => a.AuthFailures).HasColumnName("auth_failures").HasDefaultValue(0);
        builder.Property(a => a.CooldownUntil).HasColumnName("cooldown_until");
        builder.Property(a => a.PlanLimited).HasColumnName("plan_limited").HasDefaultValue(false);
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(a => a.CanGenerate);
    }
}
