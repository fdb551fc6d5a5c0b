using CityEServices.Contracts.Security;
using CityEServices.Identity.Features.Clients;
using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Tests;

public class ClientRulesTests
{
    [Fact]
    public void An_integrator_client_is_valid()
    {
        Assert.True(ClientRules.TryValidate(" Tehran Water ", [Roles.Integrator], out var client, out _));
        Assert.Equal("Tehran Water", client!.DisplayName);
        Assert.Equal([Roles.Integrator], client.Roles);
    }

    [Fact]
    public void A_display_name_and_a_role_are_required()
    {
        Assert.False(ClientRules.TryValidate("  ", [], out _, out var errors));
        Assert.Equal(["displayName", "roles"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(Roles.OfficeOperator)]
    [InlineData(Roles.DistrictReviewer)]
    public void Roles_that_need_a_persons_office_or_district_are_refused(string role)
    {
        Assert.False(ClientRules.TryValidate("Bank", [Roles.Integrator, role], out _, out var errors));
        Assert.Contains(role, Assert.Single(errors["roles"]));
    }

    [Theory]
    [InlineData("Tehran Water & Sewage Co.", "tehran-water-sewage-co-")]
    [InlineData("آب و فاضلاب", "client-")]
    [InlineData("A very long organisation name indeed", "a-very-long-organisation-")]
    public void Client_ids_are_readable_where_possible_and_end_in_random_hex(string displayName, string prefix)
    {
        var id = ClientsApi.NewClientId(displayName);

        Assert.StartsWith(prefix, id, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{16}$", id);
        Assert.NotEqual(id, ClientsApi.NewClientId(displayName));
    }
}
