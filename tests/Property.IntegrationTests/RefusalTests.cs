using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Every refusal is a 4xx problem that names what was wrong, and leaves the database exactly as it was:
/// no property, no owner, no event.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RefusalTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    [Fact]
    public async Task Shares_that_sum_to_five_and_a_half_dang_are_refused_naming_owners()
    {
        using var client = Service.CreateClient(TestTokens.Registrar());
        var body = Requests.Registration("8-1-1-1-0-0-0", 8,
            Requests.Owner(NationalIds.Next(), "Maryam Ahmadi", 4), Requests.Owner(NationalIds.Next(), "Reza Karimi", 1.5m));

        var errors = await RefusedAsync(() => client.RegisterAsync(body));

        var messages = Assert.Single(Fields(errors), f => f.Key == "owners").Value;
        Assert.Contains(messages, m => m.Contains("5.5", StringComparison.Ordinal) && m.Contains("6 dang", StringComparison.Ordinal));
        Assert.Equal(["owners"], Fields(errors).Keys);
    }

    [Fact]
    public async Task A_national_id_in_Persian_digits_with_a_wrong_check_digit_is_refused_on_that_owner()
    {
        using var client = Service.CreateClient(TestTokens.Registrar());
        // 0076229645 is valid; the last digit changed, typed in Persian digits.
        var body = Requests.Registration("8-1-1-2-0-0-0", 8, Requests.Owner("۰۰۷۶۲۲۹۶۴۶", "Maryam Ahmadi", 6));

        var errors = await RefusedAsync(() => client.RegisterAsync(body));

        Assert.Equal(["owners[0].nationalId"], Fields(errors).Keys);
        Assert.Contains("check digit", Fields(errors)["owners[0].nationalId"].Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_district_that_disagrees_with_the_renovation_code_is_refused()
    {
        using var client = Service.CreateClient(TestTokens.Registrar());
        var body = Requests.Registration("8-1-1-3-0-0-0", 9, Requests.Owner(NationalIds.Next(), "Maryam Ahmadi", 6));

        var errors = await RefusedAsync(() => client.RegisterAsync(body));

        Assert.Equal(["district"], Fields(errors).Keys);
    }

    [Fact]
    public async Task Registering_a_registered_code_again_is_a_409_even_written_with_leading_zeros()
    {
        using var client = Service.CreateClient(TestTokens.Registrar());
        var owner = NationalIds.Next();
        await (await client.RegisterAsync(Requests.Registration("8-2-2-2-0-0-0", 8, Requests.Owner(owner, "Maryam Ahmadi", 6))))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Single(await Service.OutboxRowsForAsync("8-2-2-2-0-0-0"));

        foreach (var code in new[] { "8-2-2-2-0-0-0", "08-002-02-2-0-0-0" })
        {
            var before = await Service.CountWritesAsync();
            var problem = await (await client.RegisterAsync(Requests.Registration(code, 8, Requests.Owner(NationalIds.Next(), "Reza Karimi", 6))))
                .AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("PropertyExists", problem.GetProperty("reason").GetString());
            Assert.Contains("8-2-2-2-0-0-0", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(before, await Service.CountWritesAsync());
        }

        // The first registration stands, with its owner.
        var read = await (await client.GetAsync(Requests.PropertyPath("8-2-2-2-0-0-0"))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(owner, Assert.Single(read.GetProperty("owners").EnumerateArray()).GetProperty("nationalId").GetString());
        Assert.Single(await Service.OutboxRowsForAsync("8-2-2-2-0-0-0"));
    }

    [Theory]
    [InlineData(Roles.Integrator)]
    [InlineData(Roles.OfficeOperator)]
    [InlineData(Roles.Archivist)]
    public async Task Only_admins_and_registrars_may_register(string role)
    {
        using var client = Service.CreateClient(TestTokens.Create([role], officeCode: "OFC8", nationalId: "1583250689"));
        var body = Requests.Registration("8-1-1-4-0-0-0", 8, Requests.Owner(NationalIds.Next(), "Maryam Ahmadi", 6));

        var before = await Service.CountWritesAsync();
        var problem = await (await client.RegisterAsync(body)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
        Assert.Contains(Roles.Registrar, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Service.CountWritesAsync());
        await (await client.GetAsync(Requests.PropertyPath("8-1-1-4-0-0-0"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_valid_token_nothing_is_registered_or_read()
    {
        var body = Requests.Registration("8-1-1-5-0-0-0", 8, Requests.Owner(NationalIds.Next(), "Maryam Ahmadi", 6));
        var before = await Service.CountWritesAsync();

        using (var anonymous = Service.CreateClient())
        {
            await (await anonymous.RegisterAsync(body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
            await (await anonymous.GetAsync(Requests.PropertyPath("8-1-1-5-0-0-0"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var forged = Service.CreateClient(TestTokens.Forged([Roles.Admin])))
        {
            await (await forged.RegisterAsync(body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task Reading_an_unknown_property_is_404_and_a_malformed_code_is_400()
    {
        using var client = Service.CreateClient(TestTokens.Integrator("integrator-test", Scopes.PropertyRead));

        var missing = await (await client.GetAsync(Requests.PropertyPath("21-9-9-9-0-0-0"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("21-9-9-9-0-0-0", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var malformed = await (await client.GetAsync(Requests.PropertyPath("23-1-1-1-0-0-0"))).AssertValidationProblemAsync();
        Assert.True(malformed.TryGetProperty("renovationCode", out _), malformed.ToString());
    }

    [Theory]
    [InlineData("{\"renovationCode\": \"8-1-1-6-0-0-0\", \"owners\": [")]
    [InlineData("{\"renovationCode\": \"8-1-1-6-0-0-0\", \"district\": \"eight\"}")]
    [InlineData("{\"renovationCode\": \"8-1-1-6-0-0-0\", \"district\": 8, \"owners\": [{\"nationalId\": \"0076229645\", \"fullName\": \"x\", \"shareDang\": true}]}")]
    [InlineData("not json at all")]
    public async Task An_unreadable_body_is_a_400_problem_not_a_500(string body)
    {
        using var client = Service.CreateClient(TestTokens.Registrar());

        var before = await Service.CountWritesAsync();
        await (await client.PostRawAsync(Requests.PropertiesPath, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_content_type_is_415()
    {
        using var client = Service.CreateClient(TestTokens.Registrar());
        var json = JsonSerializer.Serialize(Requests.Registration("8-1-1-7-0-0-0", 8, Requests.Owner(NationalIds.Next(), "Maryam Ahmadi", 6)));

        var before = await Service.CountWritesAsync();
        await (await client.PostRawAsync(Requests.PropertiesPath, json, "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    /// <summary>Sends a request that must be refused with 400, and checks that nothing was written.</summary>
    private async Task<JsonElement> RefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = await Service.CountWritesAsync();
        using var response = await send();
        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(before, await Service.CountWritesAsync());
        return errors;
    }

    private static Dictionary<string, string[]> Fields(JsonElement errors) =>
        errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
}
