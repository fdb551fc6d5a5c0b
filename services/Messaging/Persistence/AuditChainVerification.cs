using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Persistence;

/// <summary>What <c>audit_chain_verify</c> found in one table.</summary>
/// <param name="Entries">How many entries the table holds.</param>
/// <param name="HeadSequence">The last entry's sequence number (null when empty).</param>
/// <param name="HeadHash">The last entry's hash (null when empty).</param>
/// <param name="FirstBroken">The first entry that does not verify, or null when the chain is intact.</param>
public sealed record AuditChainReport(long Entries, long? HeadSequence, byte[]? HeadHash, BrokenAuditEntry? FirstBroken)
{
    public bool Intact => FirstBroken is null;
}

/// <param name="Sequence">The entry's sequence number in the chain.</param>
/// <param name="Id">The row's id (null when the entry is missing).</param>
/// <param name="Reason">One of <see cref="AuditChainBreaks"/>.</param>
public sealed record BrokenAuditEntry(long Sequence, string? Id, string Reason);

public static class AuditChainVerification
{
    /// <summary>The hash of entry <paramref name="sequence"/> of <paramref name="table"/>'s chain, or null when there is none.</summary>
    public static async Task<byte[]?> AuditEntryHashAsync(this DbContext db, string table, long sequence, CancellationToken cancellationToken)
    {
        AuditChain.RequireTable(table);
        var rows = await db.QueryAsync($"SELECT chain_seq, entry_hash FROM {table} WHERE chain_seq = @sequence", sequence, cancellationToken);
        return rows is { } row ? row.Hash : null;
    }

    /// <summary>The newest entry of <paramref name="table"/>'s chain (sequence, hash), or null when it is empty.</summary>
    public static Task<(long Sequence, byte[] Hash)?> AuditChainHeadAsync(this DbContext db, string table, CancellationToken cancellationToken)
    {
        AuditChain.RequireTable(table);
        return db.QueryAsync($"SELECT chain_seq, entry_hash FROM {table} ORDER BY chain_seq DESC LIMIT 1", null, cancellationToken);
    }

    private static Task<(long Sequence, byte[] Hash)?> QueryAsync(this DbContext db, string sql, long? sequence, CancellationToken cancellationToken) =>
        db.ReadAsync<(long Sequence, byte[] Hash)?>(
            sql,
            sequence is { } value ? ("sequence", value) : null,
            async reader => await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : null,
            cancellationToken);

    /// <summary>Recomputes the chain of <paramref name="table"/> in the database (one full scan).</summary>
    public static Task<AuditChainReport> VerifyAuditChainAsync(this DbContext db, string table, CancellationToken cancellationToken) =>
        db.ReadAsync(
            $"SELECT entry_count, head_seq, head_hash, broken_seq, broken_id, broken_reason FROM {AuditChain.VerifyFunction}(CAST(@table AS regclass))",
            ("table", table),
            async reader =>
            {
                await reader.ReadAsync(cancellationToken);
                var broken = reader.IsDBNull(3)
                    ? null
                    : new BrokenAuditEntry(reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5));
                return new AuditChainReport(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
                    broken);
            },
            cancellationToken);

    /// <summary>
    /// Runs one query on the context's own connection and reads its answer; a connection EF has not opened
    /// is opened for this query only and closed again, one that is open is left as it is.
    /// </summary>
    private static async Task<T> ReadAsync<T>(
        this DbContext db, string sql, (string Name, object Value)? parameter, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (parameter is var (name, value))
            {
                var dbParameter = command.CreateParameter();
                dbParameter.ParameterName = name;
                dbParameter.Value = value;
                command.Parameters.Add(dbParameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
