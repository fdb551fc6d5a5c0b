using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Npgsql's automatic preparation: a statement a connection has run five times is prepared, and PostgreSQL skips parsing
/// and planning it from then on (our statements are short and repeated: outbox, inbox, audit rows, lookups by key).
/// Measured in bench/README.md. A connection string that names <c>Max Auto Prepare</c> keeps its own value;
/// <c>Database:MaxAutoPrepare=0</c> turns it off, as a transaction-pooling PgBouncer in front of PostgreSQL needs.
/// </summary>
public static class StatementPreparation
{
    public const string SettingKey = "Database:MaxAutoPrepare";
    public const int DefaultMaxAutoPrepare = 64;

    public static string Apply(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.MaxAutoPrepare = configuration.GetValue(SettingKey, DefaultMaxAutoPrepare);
        return builder.ConnectionString;
    }
}
