using CityEServices.Messaging.Persistence;

namespace CityEServices.Messaging.Tests;

/// <summary>The SQL of the audit chain is built from table names: only plain identifiers get in.</summary>
public sealed class AuditChainSqlTests
{
    [Fact]
    public void Installs_the_chain_its_guards_and_the_verifier_for_the_table()
    {
        var sql = AuditChain.Install("request_transitions", lockKey: 7, orderExistingBy: "at, id");

        Assert.Contains("CREATE TRIGGER zz_audit_chain BEFORE INSERT ON request_transitions", sql, StringComparison.Ordinal);
        Assert.Contains($"pg_advisory_xact_lock({AuditChain.LockClass}, 7)", sql, StringComparison.Ordinal);
        Assert.Contains("BEFORE UPDATE OR DELETE ON request_transitions", sql, StringComparison.Ordinal);
        Assert.Contains("BEFORE TRUNCATE ON request_transitions", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY at, id LOOP", sql, StringComparison.Ordinal);
        Assert.Contains($"CREATE OR REPLACE FUNCTION {AuditChain.VerifyFunction}(tbl regclass)", sql, StringComparison.Ordinal);
        // The backfill, the trigger and the verifier hash the same canonical text under the same settings.
        Assert.Equal(3, Count(sql, "jsonb_strip_nulls(to_jsonb("));
        Assert.Equal(3, Count(sql, "SET timezone = 'UTC'"));
    }

    [Fact]
    public void Chaining_at_commit_takes_the_lock_off_the_insert_and_into_a_deferred_trigger()
    {
        var sql = AuditChain.ChainAtCommit("request_transitions", lockKey: 7);
        var insertTrigger = sql[sql.IndexOf("FUNCTION request_transitions_chain()", StringComparison.Ordinal)..sql.IndexOf("FUNCTION request_transitions_chain_at_commit()", StringComparison.Ordinal)];

        Assert.DoesNotContain("pg_advisory_xact_lock", insertTrigger, StringComparison.Ordinal);
        Assert.Contains("NEW.chain_seq := NULL", insertTrigger, StringComparison.Ordinal);
        Assert.Contains($"pg_advisory_xact_lock({AuditChain.LockClass}, 7)", sql, StringComparison.Ordinal);
        Assert.Contains("AFTER INSERT ON request_transitions DEFERRABLE INITIALLY DEFERRED", sql, StringComparison.Ordinal);
        Assert.Contains("GRANT UPDATE (chain_seq, prev_hash, entry_hash) ON request_transitions", sql, StringComparison.Ordinal);
        // The commit-time trigger hashes the canonical text under the verifier's settings.
        Assert.Equal(1, Count(sql, "jsonb_strip_nulls(to_jsonb("));
        Assert.Equal(1, Count(sql, "SET timezone = 'UTC'"));
    }

    [Theory]
    [InlineData("request_transitions; DROP TABLE files")]
    [InlineData("Request_Transitions")]
    public void Chaining_at_commit_refuses_a_non_identifier(string table)
    {
        Assert.Throws<ArgumentException>(() => AuditChain.ChainAtCommit(table, 1));
        Assert.Throws<ArgumentException>(() => AuditChain.ChainOnInsert(table, 1));
    }

    [Theory]
    [InlineData("request_transitions; DROP TABLE files", "id")]
    [InlineData("Request_Transitions", "id")]
    [InlineData("\"quoted\"", "id")]
    [InlineData("request_transitions", "at; DELETE FROM files")]
    [InlineData("request_transitions", "at,id")]
    [InlineData("", "id")]
    public void Refuses_anything_but_plain_identifiers(string table, string orderBy) =>
        Assert.Throws<ArgumentException>(() => AuditChain.Install(table, 1, orderBy));

    [Fact]
    public void Uninstall_refuses_a_non_identifier() =>
        Assert.Throws<ArgumentException>(() => AuditChain.Uninstall("x; DROP TABLE y"));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
