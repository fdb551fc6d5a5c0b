using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Gives every table, column, key and index a snake_case name, so hand-written SQL and psql sessions
/// need no quoted identifiers. Every service's model calls it last; a mapping names a column itself
/// only where it differs from the convention (xmin, a shorter name).
/// </summary>
public static class SnakeCaseNames
{
    /// <summary>
    /// Call last in OnModelCreating, after every entity is configured. <paramref name="except"/> names
    /// entities whose library chose their names (they keep them).
    /// </summary>
    public static ModelBuilder UseSnakeCaseNames(this ModelBuilder modelBuilder, Func<IMutableEntityType, bool>? except = null)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => except?.Invoke(e) != true))
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            RenameColumns(entity, prefix: string.Empty);
            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }

        return modelBuilder;
    }

    private static void RenameColumns(IMutableTypeBase type, string prefix)
    {
        foreach (var property in type.GetDeclaredProperties())
        {
            // A name given explicitly (PostgreSQL's xmin, a shorter name) is kept as it is.
            if (((IConventionProperty)property).GetColumnNameConfigurationSource() != ConfigurationSource.Explicit)
            {
                property.SetColumnName(ToSnakeCase(prefix + property.Name));
            }
        }

        // Complex properties keep their path as a prefix (permitted_construction_floors), so two
        // complex types with the same member names never share a column.
        foreach (var complex in type.GetDeclaredComplexProperties())
        {
            RenameColumns(complex.ComplexType, $"{prefix}{complex.Name}_");
        }
    }

    /// <summary><c>LandAreaM2</c> → <c>land_area_m2</c>, <c>RegistrationPlate_Section</c> → <c>registration_plate_section</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                // A word starts at an upper-case letter after a lower-case one or a digit, or at the
                // last capital of an acronym ("HTTPServer" → http_server).
                if (previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
