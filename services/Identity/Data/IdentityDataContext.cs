using CityEServices.Identity.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Identity.Data;

/// <summary>
/// Users, persisted server keys, the data protection key ring and OpenIddict's applications,
/// authorizations, scopes and tokens.
/// Named so it does not read as ASP.NET Core Identity's IdentityDbContext, which this service does not use.
/// </summary>
public sealed class IdentityDataContext(DbContextOptions<IdentityDataContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<CityUser> Users => Set<CityUser>();

    public DbSet<ServerKeyEntry> ServerKeys => Set<ServerKeyEntry>();

    /// <summary>Shared by every replica, so a cookie or antiforgery token one protects another can read, also after a restart.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();

        modelBuilder.Entity<CityUser>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            user.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(UserNames.MaxLength);
            user.HasIndex(u => u.UserName).IsUnique();
            user.Property(u => u.PasswordHash).HasColumnName("password_hash");
            user.Property(u => u.Roles).HasColumnName("roles").HasColumnType("text[]");
            user.Property(u => u.NationalId).HasColumnName("national_id").HasMaxLength(10);
            user.Property(u => u.OfficeCode).HasColumnName("office_code").HasMaxLength(UserRules.MaxOfficeCodeLength);
            user.Property(u => u.District).HasColumnName("district");
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.Property(u => u.FailedAttempts).HasColumnName("failed_attempts");
            user.Property(u => u.LockedUntil).HasColumnName("locked_until");
        });

        modelBuilder.Entity<ServerKeyEntry>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Purpose);
            key.Property(k => k.Purpose).HasColumnName("purpose").HasMaxLength(32);
            key.Property(k => k.Pem).HasColumnName("pem");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            key.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
