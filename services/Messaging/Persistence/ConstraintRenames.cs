using Microsoft.EntityFrameworkCore.Migrations;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Renames keys and foreign keys in place, for a migration whose model only renamed them: EF's own
/// migration drops and re-creates each one, rebuilding a key's index and checking every row again.
/// PostgreSQL renames a key's index with the key.
/// </summary>
public static class ConstraintRenames
{
    public static void RenameConstraints(this MigrationBuilder migrationBuilder, IEnumerable<(string Table, string From, string To)> renames)
    {
        foreach (var (table, from, to) in renames)
        {
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{from}\" TO \"{to}\";");
        }
    }

    public static IEnumerable<(string Table, string From, string To)> Reversed(this IEnumerable<(string Table, string From, string To)> renames) =>
        renames.Select(r => (r.Table, r.To, r.From));
}
