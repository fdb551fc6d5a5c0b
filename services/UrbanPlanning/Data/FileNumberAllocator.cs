using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityEServices.UrbanPlanning.Data;

/// <summary>
/// Hands out the next file number of a district, gap-free and duplicate-free.
/// </summary>
/// <remarks>
/// A PostgreSQL SEQUENCE would be simpler but leaves gaps: nextval is never rolled back, so every
/// failed insert would burn a number, and municipal file registers are audited for missing numbers.
/// Instead a counter row per district is incremented inside the transaction that inserts the file.
/// The row lock serialises concurrent openings in the same district until commit (other districts
/// are unaffected), and a rollback returns the number. The upsert also covers the first file of a
/// district: a concurrent first insert waits on the primary key and then takes the update path.
/// </remarks>
public static class FileNumberAllocator
{
    public const string Table = "file_number_sequences";

    public static async Task<FileNumber> NextAsync(DbContext db, int district, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A file number must be allocated inside the transaction that inserts the file, or a rollback would leave a gap.");

        // ADO directly: an INSERT … RETURNING cannot be composed by EF's SqlQuery (it would wrap it in a subquery).
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"""
                INSERT INTO {Table} (district, last_value) VALUES (@district, 1)
                ON CONFLICT (district) DO UPDATE SET last_value = {Table}.last_value + 1
                RETURNING last_value
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "district";
            parameter.Value = district;
            command.Parameters.Add(parameter);

            var value = await command.ExecuteScalarAsync(cancellationToken);
            return new FileNumber(district, Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
    }
}
