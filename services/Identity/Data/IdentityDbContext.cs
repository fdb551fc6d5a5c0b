using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace CityEServices.Identity.Data;

/// <summary>
/// Users, integrator clients, the revocation list, the record of every change to an account, persisted
/// server keys, the data protection key ring, OpenIddict's applications, authorizations, scopes and tokens,
/// and the schedule of the service's periodic jobs (<c>job_leases</c>).
/// Named <c>&lt;Service&gt;DbContext</c> as in every service; it is not ASP.NET Core Identity's IdentityDbContext (that package is not used here).
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
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
            user.Property(u => u.Id).ValueGeneratedNever();
            user.Property(u => u.UserName).HasMaxLength(UserNames.MaxLength);
            user.HasIndex(u => u.UserName).IsUnique();
            user.Property(u => u.Roles).HasColumnType("text[]");
            user.Property(u => u.NationalId).HasMaxLength(10);
            user.Property(u => u.OfficeCode).HasMaxLength(UserRules.MaxOfficeCodeLength);
            user.Property(u => u.CreatedBy).HasMaxLength(ActorMaxLength);
            // Existing rows become active; a new row says what it is (true, the sentinel, is left to the default).
            user.Property(u => u.Active).HasDefaultValue(true).HasSentinel(true);
            user.Property(u => u.DeactivatedBy).HasMaxLength(ActorMaxLength);
            user.Property(u => u.DeactivationReason).HasMaxLength(AccountRules.MaxReasonLength);
            user.Ignore(u => u.Subject);
        });

        modelBuilder.Entity<IntegratorClient>(client =>
        {
            client.ToTable("clients");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.DisplayName).HasMaxLength(ClientRules.MaxDisplayNameLength);
            client.Property(c => c.Roles).HasColumnType("text[]");
            client.Property(c => c.Scopes).HasColumnType("text[]");
            client.Property(c => c.CreatedBy).HasMaxLength(ActorMaxLength);
            client.Property(c => c.RevokedBy).HasMaxLength(ActorMaxLength);
            client.Ignore(c => c.IsRevoked);
            client.HasIndex(c => c.CreatedAt);
        });

        modelBuilder.Entity<Revocation>(revocation =>
        {
            revocation.ToTable("revocations");
            revocation.HasKey(r => r.Id);
            revocation.Property(r => r.Id).UseIdentityAlwaysColumn();
            revocation.Property(r => r.Subject).HasMaxLength(100);
            revocation.Property(r => r.Cause).HasMaxLength(32);
            // The list serves the recent ones; the check looks one subject up.
            revocation.HasIndex(r => r.RevokedAt);
            revocation.HasIndex(r => new { r.Subject, r.RevokedAt });
        });

        modelBuilder.Entity<AccountChange>(change =>
        {
            // Its chain columns (chain_seq, prev_hash, entry_hash) are not mapped: the insert trigger fills them.
            change.ToTable(AccountChangesTable);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).UseIdentityAlwaysColumn();
            change.Property(c => c.Account).HasMaxLength(110);
            change.Property(c => c.Action).HasMaxLength(32);
            change.Property(c => c.Actor).HasMaxLength(ActorMaxLength);
            change.Property(c => c.Reason).HasMaxLength(AccountRules.MaxReasonLength);
            change.Property(c => c.Details).HasColumnType("jsonb");
            change.HasIndex(c => new { c.Account, c.At });
        });

        modelBuilder.Entity<SignInCode>(code =>
        {
            code.ToTable("sign_in_codes");
            code.HasKey(c => c.Id);
            code.Property(c => c.Id).ValueGeneratedNever();
            code.Property(c => c.NationalId).HasMaxLength(10);
            code.Property(c => c.CodeHash).HasMaxLength(64);
            // The rate limit counts one national ID's recent codes; the grant reads its latest.
            code.HasIndex(c => new { c.NationalId, c.IssuedAt });
        });

        modelBuilder.Entity<ServerKeyEntry>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Purpose);
            key.Property(k => k.Purpose).HasMaxLength(32);
        });

        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
        });
        // OpenIddict's tables keep the names its EF Core store gives them (and its documentation uses).
        modelBuilder.UseSnakeCaseNames(except: entity => entity.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true);
    }
}
