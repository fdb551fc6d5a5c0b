using System.Data.Common;
using Npgsql;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// How a service uses its pooled PostgreSQL connections (both measured in bench/README.md):
/// <list type="bullet">
/// <item>Automatic preparation: a statement a connection has run five times is prepared, and PostgreSQL skips parsing
/// and planning it from then on (our statements are short and repeated: outbox, inbox, audit rows, lookups by key).
/// <c>Database:MaxAutoPrepare=0</c> turns it off, as a transaction-pooling PgBouncer in front of PostgreSQL needs.</item>
/// <item>No session reset when a connection goes back to the pool: Npgsql would otherwise send seven resetting
/// statements (<c>RESET ALL</c>, <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>, …) before the next user's first
/// command. No service leaves session state behind (its advisory locks are transaction-scoped; it runs no plain
/// <c>SET</c>, <c>LISTEN</c> or temporary table), so the reset cleared nothing; <c>Database:ResetOnClose=true</c>
/// brings it back for code that does.</item>
/// </list>
/// A connection string that names either setting keeps its own value.
/// </summary>
public static class PooledConnections
{
    public const string MaxAutoPrepareKey = "Database:MaxAutoPrepare";
    public const string ResetOnCloseKey = "Database:ResetOnClose";
    public const int DefaultMaxAutoPrepare = 64;

    public static string Apply(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = configuration.GetValue(MaxAutoPrepareKey, DefaultMaxAutoPrepare);
        }

        if (!Names(connectionString, "NoResetOnClose"))
        {
            builder.NoResetOnClose = !configuration.GetValue(ResetOnCloseKey, false);
        }

        return builder.ConnectionString;
    }

    // By the keys the string sets, not its text (a password may hold anything). Npgsql reads "Max Auto Prepare" and
    // "MaxAutoPrepare" alike: spaces and case do not matter.
    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
