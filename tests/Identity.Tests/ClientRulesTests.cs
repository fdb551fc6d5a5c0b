using CityEServices.Contracts.Security;
using CityEServices.Identity.Features.Clients;
using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Tests;

public class ClientRulesTests
{
    [Fact]
    public void An_integrator_client_is_valid()
    {
        Assert.True(ClientRules.TryValidate(" Tehran Water ", [Roles.Integrator], [Scopes.PropertyRead], out var client, out _));
        Assert.Equal("Tehran Water", client!.DisplayName);
        Assert.Equal([Roles.Integrator], client.Roles);
        Assert.Equal([Scopes.PropertyRead], client.Scopes);
    }

    [Fact]
    public void A_display_name_is_required()
    {
        Assert.False(ClientRules.TryValidate("  ", [], [], out _, out var errors));
        Assert.Equal(["displayName"], errors.Keys.Order());
    }

    [Fact]
    public void No_roles_means_integrator_and_no_scopes_means_none()
    {
        Assert.True(ClientRules.TryValidate("Bank", null, null, out var client, out _));
        Assert.Equal([Roles.Integrator], client!.Roles);
        Assert.Empty(client.Scopes);
    }

    [Theory]
    [InlineData(Roles.OfficeOperator)]
    [InlineData(Roles.DistrictReviewer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.Archivist)]
    public void Every_role_but_integrator_is_refused(string role)
    {
        Assert.False(ClientRules.TryValidate("Bank", [Roles.Integrator, role], [], out _, out var errors));
        Assert.Contains(role, Assert.Single(errors["roles"]));
    }

    [Fact]
    public void Scopes_are_canonical_without_duplicates_and_unknown_ones_are_named()
    {
        Assert.True(ClientRules.TryValidate("Bank", null, ["PAYMENTS", "payments", " pii.read "], out var client, out _));
        Assert.Equal([Scopes.Payments, Scopes.PiiRead], client!.Scopes);

        Assert.False(ClientRules.TryValidate("Bank", null, [Scopes.Payments, "admin", null], out _, out var errors));
        Assert.Equal(2, errors["scopes"].Length);
        Assert.Contains("'admin'", errors["scopes"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tehran Water & Sewage Co.", "tehran-water-sewage-co-")]
    [InlineData("آب و فاضلاب", "client-")]
    [InlineData("A very long organisation name indeed", "a-very-long-organisation-")]
    public void Client_ids_are_readable_where_possible_and_end_in_random_hex(string displayName, string prefix)
    {
        var id = ClientCredentials.NewClientId(displayName);

        Assert.StartsWith(prefix, id, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{16}$", id);
        Assert.NotEqual(id, ClientCredentials.NewClientId(displayName));
    }
}
