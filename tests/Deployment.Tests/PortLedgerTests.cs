using CityEServices.Stack;

namespace CityEServices.Deployment.Tests;

/// <summary>Ports handed to one test process's servers are not handed to another's before they bind them.</summary>
public sealed class PortLedgerTests : IDisposable
{
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), $"ports-{Guid.NewGuid():N}.ledger");

    [Fact]
    public void A_port_another_process_was_just_handed_is_refused()
    {
        Assert.True(PortLedger.TryClaim(20001, _ledger));

        Assert.False(PortLedger.TryClaim(20001, _ledger));
        Assert.True(PortLedger.TryClaim(20002, _ledger));
    }

    [Fact]
    public void A_lease_that_ran_out_is_handed_out_again_and_dropped_from_the_ledger()
    {
        File.WriteAllLines(_ledger, ["20003 1", "20004 1"]);

        Assert.True(PortLedger.TryClaim(20003, _ledger));

        Assert.Equal(["20003"], File.ReadAllLines(_ledger).Select(line => line.Split(' ')[0]));
    }

    [Fact]
    public void A_ledger_held_by_another_process_past_the_wait_leaves_the_decision_to_the_listener()
    {
        using var held = new FileStream(_ledger, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        Assert.True(PortLedger.TryClaim(20005, _ledger));
    }

    public void Dispose() => File.Delete(_ledger);
}
