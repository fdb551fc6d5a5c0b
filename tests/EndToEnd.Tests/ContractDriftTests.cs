using CityEServices.Stack.Contract;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The checked-in contract (clients/openapi/v1.json), which the generated client and integrators' own
/// generators build from, is the API the gateway serves: a change to an endpoint without
/// <c>./city contract</c> fails here, naming where the two differ.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class ContractDriftTests(CityStackFixture stack)
{
    [Fact]
    public async Task The_checked_in_contract_is_the_one_the_gateway_serves()
    {
        var served = await ApiContract.FetchAsync(stack.Gateway);
        var snapshot = await File.ReadAllTextAsync(ApiContract.SnapshotPath);
        var differences = ContractDifferences.Between(snapshot, served);
        Assert.True(differences.Count == 0,
            $"clients/openapi/v1.json differs from the gateway's {ApiContract.GatewayPath} in {differences.Count} place(s); " +
            $"run ./city contract and commit the snapshot with the API change:\n  {string.Join("\n  ", differences.Take(30))}");
    }
}
