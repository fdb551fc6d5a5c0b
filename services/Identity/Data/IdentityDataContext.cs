using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace CityEServices.Identity.Data;

/// <summary>
/// Users, integrator clients, the revocation list, the record of every change to an account, persisted
/// server keys, the data protection key ring, OpenIddict's applications, authorizations, scopes and tokens,
/// and the schedule of the service's periodic jobs (<c>job_leases</c>).
/// Named so it does not read as ASP.NET Core Identity's IdentityDbContext, which this service does not use.
/// </summary>
public sealed class IdentityDataContext(DbContextOptions<IdentityDataContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<CityUser> Users => Set<CityUser>();

    public DbSet<IntegratorClient> Clients => Set<IntegratorClient>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    public DbSet<AccountChange> AccountChanges => Set<AccountChange>();

    public DbSet<SignInCode> SignInCodes => Set<SignInCode>();

    public DbSet<ServerKeyEntry> ServerKeys => Set<ServerKeyEntry>();

    /// <summary>Shared by every replica, so a cookie or antiforgery token one protects another can read, also after a restart.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private const int ActorMaxLength = 120;

    /// <summary>Who changed which account: append-only and hash-chained (see <see cref="AuditChain"/>).</summary>
    public const string AccountChangesTable = "account_changes";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        // The token pruner's schedule and lease: one replica prunes per interval.
        modelBuilder.AddJobLeases();
        // The outbox that carries citizens' sign-in codes to notifications (identity has no inbox: it consumes nothing).
        modelBuilder.AddMessagingTables();

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
            user.Property(u => u.CreatedBy).HasColumnName("created_by").HasMaxLength(ActorMaxLength);
            // Existing rows become active; a new row says what it is (true, the sentinel, is left to the default).
            user.Property(u => u.Active).HasColumnName("active").HasDefaultValue(true).HasSentinel(true);
            user.Property(u => u.DeactivatedAt).HasColumnName("deactivated_at");
            user.Property(u => u.DeactivatedBy).HasColumnName("deactivated_by").HasMaxLength(ActorMaxLength);
            user.Property(u => u.DeactivationReason).HasColumnName("deactivation_reason").HasMaxLength(AccountRules.MaxReasonLength);
            user.Ignore(u => u.Subject);
        });

        modelBuilder.Entity<IntegratorClient>(client =>
        {
            client.ToTable("clients");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(100);
            client.Property(c => c.DisplayName).HasColumnName("display_name").HasMaxLength(ClientRules.MaxDisplayNameLength);
            client.Property(c => c.Roles).HasColumnName("roles").HasColumnType("text[]");
            client.Property(c => c.Scopes).HasColumnName("scopes").HasColumnType("text[]");
            client.Property(c => c.CreatedAt).HasColumnName("created_at");
            client.Property(c => c.CreatedBy).HasColumnName("created_by").HasMaxLength(ActorMaxLength);
            client.Property(c => c.RevokedAt).HasColumnName("revoked_at");
            client.Property(c => c.RevokedBy).HasColumnName("revoked_by").HasMaxLength(ActorMaxLength);
            client.Property(c => c.SecretRotatedAt).HasColumnName("secret_rotated_at");
            client.Property(c => c.PreviousSecretHash).HasColumnName("previous_secret_hash");
            client.Property(c => c.PreviousSecretValidUntil).HasColumnName("previous_secret_valid_until");
            client.Ignore(c => c.IsRevoked);
            client.HasIndex(c => c.CreatedAt);
        });

        modelBuilder.Entity<Revocation>(revocation =>
        {
            revocation.ToTable("revocations");
            revocation.HasKey(r => r.Id);
            revocation.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            revocation.Property(r => r.Subject).HasColumnName("subject").HasMaxLength(100);
            revocation.Property(r => r.RevokedAt).HasColumnName("revoked_at");
            revocation.Property(r => r.Cause).HasColumnName("cause").HasMaxLength(32);
            // The list serves the recent ones; the check looks one subject up.
            revocation.HasIndex(r => r.RevokedAt);
            revocation.HasIndex(r => new { r.Subject, r.RevokedAt });
        });

        modelBuilder.Entity<AccountChange>(change =>
        {
            // Its chain columns (chain_seq, prev_hash, entry_hash) are not mapped: the insert trigger fills them.
            change.ToTable(AccountChangesTable);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            change.Property(c => c.Account).HasColumnName("account").HasMaxLength(110);
            change.Property(c => c.Action).HasColumnName("action").HasMaxLength(32);
            change.Property(c => c.Actor).HasColumnName("actor").HasMaxLength(ActorMaxLength);
            change.Property(c => c.At).HasColumnName("at");
            change.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(AccountRules.MaxReasonLength);
            change.Property(c => c.Details).HasColumnName("details").HasColumnType("jsonb");
            change.HasIndex(c => new { c.Account, c.At });
        });

        modelBuilder.Entity<SignInCode>(code =>
        {
            code.ToTable("sign_in_codes");
            code.HasKey(c => c.Id);
            code.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
            code.Property(c => c.NationalId).HasColumnName("national_id").HasMaxLength(10);
            code.Property(c => c.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
            code.Property(c => c.IssuedAt).HasColumnName("issued_at");
            code.Property(c => c.ExpiresAt).HasColumnName("expires_at");
            code.Property(c => c.Tries).HasColumnName("tries");
            code.Property(c => c.UsedAt).HasColumnName("used_at");
            // The rate limit counts one national ID's recent codes; the grant reads its latest.
            code.HasIndex(c => new { c.NationalId, c.IssuedAt });
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
