using CityEServices.Contracts.Security;
using CityEServices.Identity.Features.Clients;
using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Tests;

public class ClientRulesTests
{
    [Fact]
    public void An_integrator_client_is_valid()
    {
        (var client, _) = ClientRules.Validate(" Tehran Water ", [Roles.Integrator], [Scopes.PropertyRead]);
        Assert.NotNull(client);
        Assert.Equal("Tehran Water", client!.DisplayName);
        Assert.Equal([Roles.Integrator], client.Roles);
        Assert.Equal([Scopes.PropertyRead], client.Scopes);
    }

    [Fact]
    public void A_display_name_is_required()
    {
        (var valid, var errors) = ClientRules.Validate("  ", [], []);
        Assert.Null(valid);
        Assert.Equal(["displayName"], errors.Keys.Order());
    }

    [Fact]
    public void No_roles_means_integrator_and_no_scopes_means_none()
    {
        (var client, _) = ClientRules.Validate("Bank", null, null);
        Assert.NotNull(client);
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
        (var valid, var errors) = ClientRules.Validate("Bank", [Roles.Integrator, role], []);
        Assert.Null(valid);
        Assert.Contains(role, Assert.Single(errors["roles"]));
    }

    [Fact]
    public void Scopes_are_canonical_without_duplicates_and_unknown_ones_are_named()
    {
        (var client, _) = ClientRules.Validate("Bank", null, ["PAYMENTS", "payments", " pii.read "]);
        Assert.NotNull(client);
        Assert.Equal([Scopes.Payments, Scopes.PiiRead], client!.Scopes);

        (var valid, var errors) = ClientRules.Validate("Bank", null, [Scopes.Payments, "admin", null]);
        Assert.Null(valid);
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
