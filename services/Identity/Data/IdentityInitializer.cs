namespace CityEServices.Identity.Data;

/// <summary>
/// Loads the server keys and seeds, before the server listens: hosted services start before Kestrel
/// does, and a failure here stops the process with its reason. The schema is already current by then
/// (<see cref="DatabaseStartup.MigrateIdentityDatabaseAsync"/> runs before the host starts, or the
/// Kubernetes init container ran it), and a migrate-only run never gets here, so seeding happens in the
/// normal start of every replica; it is idempotent.
/// </summary>
public sealed partial class IdentityInitializer(
    IServiceScopeFactory scopes,
    ServerKeyRing keys,
    IOptions<IdentitySettings> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<IdentityInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var adminPassword = CheckAdminPassword(settings.AdminPassword);

        // With start-up migration off nothing else has waited for the database yet.
        await UnreachableDatabase.WhileUnreachableAsync(
            async () =>
            {
                // A fresh scope per attempt: a context that failed mid-way keeps no half-tracked state.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var (signing, encryption) = await ServerKeyStore.LoadAsync(db, settings, time, cancellationToken);
                keys.Load(signing, encryption);

                await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(adminPassword, cancellationToken);
                LoginFormProtection.EnsureKeyRing(scope.ServiceProvider);
            },
            settings.DatabaseStartupTimeout,
            // The machine's clock, as the start-up migration's: a test host's pinned business clock would never end a wait.
            TimeProvider.System,
            (attempt, delay, error) => LogUnreachable(logger, attempt, delay.TotalSeconds, error.GetBaseException().Message),
            cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? CheckAdminPassword(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Identity:AdminPassword is not set. It is the bootstrap admin's password (the AppHost passes its secret parameter 'admin-password' as Identity__AdminPassword); set it and start again.");
            }

            LogNoAdmin(logger);
            return null;
        }

        if (PasswordPolicy.Check(password).Count > 0)
        {
            LogWeakAdminPassword(logger, PasswordPolicy.MinLength);
        }

        return password;
    }

    [LoggerMessage(LogLevel.Warning, "Identity database unreachable (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, int attempt, double delaySeconds, string reason);

    [LoggerMessage(LogLevel.Warning, "Identity:AdminPassword is not set: the bootstrap user 'admin' is not created or updated (allowed only in Development)")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Identity:AdminPassword does not meet the password policy (at least {MinLength} characters with upper, lower and digit); it is used anyway because it is the configured source of truth")]
    private static partial void LogWeakAdminPassword(ILogger logger, int minLength);
}
