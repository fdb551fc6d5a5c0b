using System.Globalization;
using System.Net;
using System.Text.Json;
using CityEServices.Web.Audit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityEServices.TestSupport;

/// <summary>
/// The tests every hash-chained audit table passes, whatever the service: the history is append-only
/// and hash-chained in PostgreSQL, the service's own connection cannot change it, concurrent writers
/// still form one chain, and a superuser who edits or deletes an entry behind the triggers' back is
/// caught by GET /audit/verify at exactly that entry. Each tampering test puts the row back, so the
/// tests of a class share one database in any order. The chain is also compared with the archive's copy of its
/// head (the fixture's <see cref="ArchivedHeadsStub"/> plays the archive): cutting the newest entries off, or
/// rewriting the newest one and its hash so the chain alone still verifies, is caught there; and the service
/// publishes its heads to its outbox when they move. A service's test class says how to start its
/// history and how to insert one more entry in plain SQL.
/// </summary>
public abstract class AuditChainTestBase<TService, TEntryPoint>(TService service, ITestOutputHelper output) : ServiceTest<TService>(service, output)
    where TService : ServiceFactory<TEntryPoint>
    where TEntryPoint : Microsoft.EntityFrameworkCore.DbContext
{
    /// <summary>The service's GET /audit/verify.</summary>
    protected abstract string VerifyPath { get; }

    /// <summary>The chained table.</summary>
    protected abstract string Table { get; }

    /// <summary>A nullable text column of <see cref="Table"/> the tampering tests rewrite.</summary>
    protected virtual string EditableColumn => "note";

    /// <summary>True when the table's id is an identity column (a deleted row goes back with OVERRIDING SYSTEM VALUE).</summary>
    protected virtual bool IdIsIdentity => false;

    /// <summary>Inserts one entry in plain SQL (chained by the trigger); parameters @key (what <see cref="StartHistoryAsync"/> returned), @note (nullable text) and @step (int).</summary>
    protected abstract string InsertEntrySql { get; }

    /// <summary>Writes at least one entry through the service's API (so EF's writes are chained too) and returns the key that <see cref="InsertEntrySql"/> takes.</summary>
    protected abstract Task<object> StartHistoryAsync();

    /// <summary>Runs <paramref name="sql"/> through the service's own DbContext.</summary>
    protected abstract Task ExecuteAsServiceAsync(string sql);

    protected virtual Task<HttpClient> AdminClientAsync() => Task.FromResult(Service.CreateClient(TestTokens.Admin()));

    /// <summary>A signed-in caller who is not an admin.</summary>
    protected virtual Task<HttpClient> NonAdminClientAsync() => Task.FromResult(Service.CreateClient(TestTokens.Reviewer(3)));

    [Fact]
    public async Task Entries_written_through_the_service_are_chained_and_verify_intact()
    {
        await HistoryAsync(extra: 3);
        using var admin = await AdminClientAsync();

        var report = await (await admin.GetAsync(VerifyPath)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.Equal(Table, report.GetProperty("trail").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstBroken").ValueKind);
        var entries = report.GetProperty("entries").GetInt64();
        Assert.Equal(await Service.CountAsync($"SELECT count(*) FROM {Table}"), entries);
        Assert.Equal(entries, report.GetProperty("headSequence").GetInt64());
        var head = await ScalarAsync<byte[]>($"SELECT entry_hash FROM {Table} ORDER BY chain_seq DESC LIMIT 1");
        Assert.Equal(Convert.ToHexStringLower(head), report.GetProperty("headHash").GetString());
        Assert.Equal(0, await Service.CountAsync($"SELECT count(*) FROM {Table} WHERE chain_seq IS NULL OR entry_hash IS NULL"));
    }

    [Fact]
    public async Task An_entry_edited_directly_by_a_superuser_is_reported_exactly()
    {
        await HistoryAsync(extra: 4);
        var (seq, id, note) = await MiddleEntryAsync();
        await using var db = await SuperuserAsync();
        await ExecuteAsync(db, $"UPDATE {Table} SET {EditableColumn} = 'rewritten' WHERE chain_seq = {seq}");
        try
        {
            var broken = await FirstBrokenAsync();

            Assert.Equal(seq, broken.GetProperty("sequence").GetInt64());
            Assert.Equal(id, broken.GetProperty("id").GetString());
            Assert.Equal("hash_mismatch", broken.GetProperty("reason").GetString());
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"UPDATE {Table} SET {EditableColumn} = @note WHERE chain_seq = {seq}", db);
            restore.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task An_entry_edited_and_re_hashed_breaks_the_link_of_the_next_one()
    {
        await HistoryAsync(extra: 4);
        var (seq, _, note) = await MiddleEntryAsync();
        await using var db = await SuperuserAsync();
        var original = await ScalarAsync<byte[]>($"SELECT entry_hash FROM {Table} WHERE chain_seq = {seq}");
        // The intruder knows the recipe: the edited entry verifies on its own, only the chain gives it away.
        await ExecuteAsync(db, "SET timezone = 'UTC'");
        await ExecuteAsync(db, $"UPDATE {Table} SET {EditableColumn} = 'rewritten' WHERE chain_seq = {seq}");
        await ExecuteAsync(db, $"""
            UPDATE {Table} t SET entry_hash = sha256(t.prev_hash || convert_to(jsonb_strip_nulls(to_jsonb(t) - 'chain_seq' - 'prev_hash' - 'entry_hash')::text, 'UTF8'))
            WHERE chain_seq = {seq}
            """);
        try
        {
            var broken = await FirstBrokenAsync();

            Assert.Equal(seq + 1, broken.GetProperty("sequence").GetInt64());
            Assert.Equal("link_broken", broken.GetProperty("reason").GetString());
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"UPDATE {Table} SET {EditableColumn} = @note, entry_hash = @hash WHERE chain_seq = {seq}", db);
            restore.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
            restore.Parameters.AddWithValue("hash", original);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task An_entry_deleted_from_the_middle_is_reported_as_missing()
    {
        await HistoryAsync(extra: 4);
        var (seq, _, _) = await MiddleEntryAsync();
        await using var db = await SuperuserAsync();
        await ExecuteAsync(db, $"CREATE TEMP TABLE saved AS SELECT * FROM {Table} WHERE chain_seq = {seq}");
        await ExecuteAsync(db, $"DELETE FROM {Table} WHERE chain_seq = {seq}");
        try
        {
            var broken = await FirstBrokenAsync();

            Assert.Equal(seq, broken.GetProperty("sequence").GetInt64());
            Assert.Equal(JsonValueKind.Null, broken.GetProperty("id").ValueKind);
            Assert.Equal("missing", broken.GetProperty("reason").GetString());
        }
        finally
        {
            await ExecuteAsync(db, $"INSERT INTO {Table} {(IdIsIdentity ? "OVERRIDING SYSTEM VALUE " : "")}SELECT * FROM saved");
        }

        Assert.True(await IntactAsync());
    }

    [Theory]
    [InlineData("UPDATE {0} SET {1} = 'rewritten'")]
    [InlineData("UPDATE {0} SET chain_seq = chain_seq + 1000")]
    [InlineData("UPDATE {0} SET entry_hash = prev_hash")]
    [InlineData("DELETE FROM {0}")]
    [InlineData("TRUNCATE {0} CASCADE")]
    public async Task The_services_own_connection_cannot_change_the_history(string sql)
    {
        await HistoryAsync(extra: 1);
        var before = await Service.CountAsync($"SELECT count(*) FROM {Table}");

        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsServiceAsync(string.Format(CultureInfo.InvariantCulture, sql, Table, EditableColumn)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(before, await Service.CountAsync($"SELECT count(*) FROM {Table}"));
        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_writers_form_one_unbroken_chain()
    {
        var key = await HistoryAsync(extra: 0);
        var before = await Service.CountAsync($"SELECT count(*) FROM {Table}");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var connection = Service.OpenDatabase();
            await using var transaction = await connection.BeginTransactionAsync();
            await InsertAsync(connection, transaction, key, $"writer {i}", step: i);
            await transaction.CommitAsync();
        }));

        Assert.Equal(before + 20, await Service.CountAsync($"SELECT count(*) FROM {Table}"));
        Assert.Equal(before + 20, await Service.CountAsync($"SELECT count(DISTINCT chain_seq) FROM {Table}"));
        Assert.Equal(before + 20, await Service.CountAsync($"SELECT max(chain_seq) FROM {Table}"));
        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task A_writer_does_not_wait_for_another_writers_commit()
    {
        var key = await HistoryAsync(extra: 0);
        var before = await Service.CountAsync($"SELECT count(*) FROM {Table}");
        await using var slow = Service.OpenDatabase();
        await using var open = await slow.BeginTransactionAsync();
        await InsertAsync(slow, open, key, "written, not yet committed", step: 1);

        // Chained on insert, this writer would wait here until the one above commits (the trail's lock).
        await using (var quick = Service.OpenDatabase())
        {
            await using var transaction = await quick.BeginTransactionAsync();
            await Eventually.WithinAsync(InsertAsync(quick, transaction, key, "committed first", step: 2), TimeSpan.FromSeconds(5), "an insert while another writer's insert is uncommitted");
            await Eventually.WithinAsync(transaction.CommitAsync(), TimeSpan.FromSeconds(5), "a commit while another writer's insert is uncommitted");
        }

        await open.CommitAsync();
        Assert.Equal(before + 2, await Service.CountAsync($"SELECT max(chain_seq) FROM {Table}"));
        Assert.Equal(0, await Service.CountAsync($"SELECT count(*) FROM {Table} WHERE chain_seq IS NULL"));
        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task A_writer_that_chains_its_own_entry_cannot_commit_it()
    {
        var key = await HistoryAsync(extra: 0);
        var before = await Service.CountAsync($"SELECT count(*) FROM {Table}");
        await using var forger = Service.OpenDatabase();
        await using var transaction = await forger.BeginTransactionAsync();
        await InsertAsync(forger, transaction, key, "claims a place", step: 1);
        await using (var claim = new NpgsqlCommand(
            $"UPDATE {Table} SET chain_seq = 1000000, prev_hash = '\\x00', entry_hash = '\\x00' WHERE chain_seq IS NULL", forger, transaction))
        {
            await claim.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => transaction.CommitAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(before, await Service.CountAsync($"SELECT count(*) FROM {Table}"));
        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task The_chain_is_compared_with_the_head_the_archive_keeps()
    {
        await HistoryAsync(extra: 2);
        var (seq, hash) = await HeadAsync();
        try
        {
            Service.ArchivedHeads.Hold(new ArchivedHead(Table, seq, hash, DateTimeOffset.UnixEpoch));
            var report = await ReportAsync();
            Assert.Equal("matches", report.GetProperty("headCheck").GetString());
            Assert.True(report.GetProperty("intact").GetBoolean());
            Assert.Equal(seq, report.GetProperty("archivedHead").GetProperty("sequence").GetInt64());

            // Entries written since the archive's head leave it matching: the chain still passes through it.
            await HistoryAsync(extra: 1);
            Assert.Equal("matches", (await ReportAsync()).GetProperty("headCheck").GetString());

            Service.ArchivedHeads.Unreachable();
            report = await ReportAsync();
            Assert.Equal("unavailable", report.GetProperty("headCheck").GetString());
            Assert.True(report.GetProperty("intact").GetBoolean());
        }
        finally
        {
            Service.ArchivedHeads.Reset();
        }

        Assert.Equal("not_archived", (await ReportAsync()).GetProperty("headCheck").GetString());
    }

    [Fact]
    public async Task Newest_entries_deleted_behind_the_archives_head_are_reported_truncated()
    {
        await HistoryAsync(extra: 3);
        var (seq, hash) = await HeadAsync();
        await using var db = await SuperuserAsync();
        await ExecuteAsync(db, $"CREATE TEMP TABLE cut AS SELECT * FROM {Table} WHERE chain_seq >= {seq - 1}");
        await ExecuteAsync(db, $"DELETE FROM {Table} WHERE chain_seq >= {seq - 1}");
        try
        {
            Service.ArchivedHeads.Hold(new ArchivedHead(Table, seq, hash, DateTimeOffset.UnixEpoch));
            var report = await ReportAsync();

            Assert.Equal("truncated", report.GetProperty("headCheck").GetString());
            Assert.False(report.GetProperty("intact").GetBoolean());
            Assert.Equal(seq, report.GetProperty("firstBroken").GetProperty("sequence").GetInt64());
            Assert.Equal("truncated", report.GetProperty("firstBroken").GetProperty("reason").GetString());
        }
        finally
        {
            Service.ArchivedHeads.Reset();
            await ExecuteAsync(db, $"INSERT INTO {Table} {(IdIsIdentity ? "OVERRIDING SYSTEM VALUE " : "")}SELECT * FROM cut");
        }

        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task The_newest_entry_rewritten_and_re_hashed_is_reported_as_not_the_archives_head()
    {
        await HistoryAsync(extra: 2);
        var (seq, hash) = await HeadAsync();
        var note = await ScalarAsync<object>($"SELECT {EditableColumn} FROM {Table} WHERE chain_seq = {seq}");
        await using var db = await SuperuserAsync();
        // The newest entry has no successor to give it away: the chain alone verifies after this.
        await ExecuteAsync(db, "SET timezone = 'UTC'");
        await ExecuteAsync(db, $"UPDATE {Table} SET {EditableColumn} = 'rewritten' WHERE chain_seq = {seq}");
        await ExecuteAsync(db, $"""
            UPDATE {Table} t SET entry_hash = sha256(t.prev_hash || convert_to(jsonb_strip_nulls(to_jsonb(t) - 'chain_seq' - 'prev_hash' - 'entry_hash')::text, 'UTF8'))
            WHERE chain_seq = {seq}
            """);
        try
        {
            Assert.True(await IntactAsync(), "without the archive's copy the rewrite does not show");
            Service.ArchivedHeads.Hold(new ArchivedHead(Table, seq, hash, DateTimeOffset.UnixEpoch));
            var report = await ReportAsync();

            Assert.Equal("head_mismatch", report.GetProperty("headCheck").GetString());
            Assert.False(report.GetProperty("intact").GetBoolean());
            Assert.Equal(seq, report.GetProperty("firstBroken").GetProperty("sequence").GetInt64());
        }
        finally
        {
            Service.ArchivedHeads.Reset();
            await using var restore = new NpgsqlCommand($"UPDATE {Table} SET {EditableColumn} = @note, entry_hash = @hash WHERE chain_seq = {seq}", db);
            restore.Parameters.AddWithValue("note", note ?? DBNull.Value);
            restore.Parameters.AddWithValue("hash", Convert.FromHexString(hash));
            await restore.ExecuteNonQueryAsync();
        }

        Assert.True(await IntactAsync());
    }

    [Fact]
    public async Task A_moved_head_is_published_through_the_outbox_once()
    {
        await HistoryAsync(extra: 1);
        var publisher = Service.Factory.Services.GetRequiredService<AuditHeadPublisher<TEntryPoint>>();
        await publisher.PublishAsync(CancellationToken.None);
        var (seq, hash) = await HeadAsync();

        Assert.Equal(1, await PublishedAsync(seq, hash));
        await publisher.PublishAsync(CancellationToken.None);
        Assert.Equal(1, await PublishedAsync(seq, hash));

        await HistoryAsync(extra: 1);
        await publisher.PublishAsync(CancellationToken.None);
        var (next, nextHash) = await HeadAsync();
        Assert.True(next > seq);
        Assert.Equal(1, await PublishedAsync(next, nextHash));
    }

    [Fact]
    public async Task Only_an_admin_verifies()
    {
        using var anonymous = Service.CreateClient();
        using var other = await NonAdminClientAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(VerifyPath)).StatusCode);
        var problem = await (await other.GetAsync(VerifyPath)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
    }

    /// <summary>The service's own history plus <paramref name="extra"/> entries inserted in plain SQL (chained by the same trigger), some with Persian text, some with nulls.</summary>
    private async Task<object> HistoryAsync(int extra)
    {
        var key = await StartHistoryAsync();
        for (var i = 0; i < extra; i++)
        {
            await Service.ExecuteAsync(InsertEntrySql, ("key", key), ("note", i % 2 == 0 ? $"یادداشت {i}" : null), ("step", i));
        }

        return key;
    }

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, object key, string note, int step)
    {
        await using var insert = new NpgsqlCommand(InsertEntrySql, connection, transaction);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("note", note);
        insert.Parameters.AddWithValue("step", step);
        insert.CommandTimeout = 10;
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>The entry in the middle of the chain: its sequence number, its id as text, and its <see cref="EditableColumn"/>.</summary>
    private async Task<(long Seq, string Id, string? Note)> MiddleEntryAsync()
    {
        await using var db = Service.OpenDatabase();
        await using var command = new NpgsqlCommand(
            $"SELECT chain_seq, id, {EditableColumn} FROM {Table} ORDER BY chain_seq OFFSET (SELECT count(*) / 2 FROM {Table}) LIMIT 1", db);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)!, reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>The fixture's own (superuser) connection with triggers off, as an intruder with the database's keys would be.</summary>
    private async Task<NpgsqlConnection> SuperuserAsync()
    {
        var db = Service.OpenDatabase();
        await ExecuteAsync(db, "SET session_replication_role = replica");
        return db;
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = Service.OpenDatabase();
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The newest entry: its sequence number and hash (lower-case hex).</summary>
    private async Task<(long Seq, string Hash)> HeadAsync()
    {
        var seq = await ScalarAsync<long>($"SELECT max(chain_seq) FROM {Table}");
        return (seq, Convert.ToHexStringLower(await ScalarAsync<byte[]>($"SELECT entry_hash FROM {Table} WHERE chain_seq = {seq}")));
    }

    /// <summary>How many AuditHeadPublished rows of this trail's head (<paramref name="seq"/>, <paramref name="hash"/>) the outbox holds.</summary>
    private Task<long> PublishedAsync(long seq, string hash) => Service.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.AuditHeadPublished' " +
        "AND payload->>'trail' = @trail AND (payload->>'sequence')::bigint = @seq AND payload->>'hash' = @hash",
        ("trail", Table), ("seq", seq), ("hash", hash));

    private async Task<JsonElement> ReportAsync()
    {
        using var admin = await AdminClientAsync();
        return await (await admin.GetAsync(VerifyPath)).AssertJsonAsync(HttpStatusCode.OK);
    }

    private async Task<JsonElement> FirstBrokenAsync()
    {
        using var admin = await AdminClientAsync();
        var report = await (await admin.GetAsync(VerifyPath)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(report.GetProperty("intact").GetBoolean());
        return report.GetProperty("firstBroken");
    }

    private async Task<bool> IntactAsync()
    {
        using var admin = await AdminClientAsync();
        var report = await (await admin.GetAsync(VerifyPath)).AssertJsonAsync(HttpStatusCode.OK);
        return report.GetProperty("intact").GetBoolean();
    }
}
