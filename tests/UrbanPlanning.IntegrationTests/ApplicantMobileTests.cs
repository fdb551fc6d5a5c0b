using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// The applicant's mobile, which notifications texts: taken when the file is opened (optional, any
/// common Iranian form), stored and announced as +989…, with the tracking code, on the file-opened event;
/// refused with a field error when malformed; masked for clients without pii.read.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ApplicantMobileTests(UrbanPlanningService service, ITestOutputHelper output) : ServiceTest<UrbanPlanningService>(service, output), IClassFixture<UrbanPlanningService>
{
    private const string Applicant = "0076229645";

    [Theory]
    [InlineData("09121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("+98 912 123 4567")]
    public async Task A_mobile_given_at_opening_is_stored_and_announced_as_plus_98_with_the_tracking_code(string typed)
    {
        var code = NewRenovationCode(17);
        Service.Properties.Register(code, 17, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC17", "1583250689"));

        var created = await (await client.PostAsJsonAsync(Requests.FilesPath,
            new { renovationCode = code, applicantNationalId = Applicant, officeCode = "OFC17", applicantMobile = typed })).AssertJsonAsync(HttpStatusCode.Created);

        var fileNumber = created.GetProperty("fileNumber").GetString()!;
        var trackingCode = created.GetProperty("trackingCode").GetString()!;
        Assert.Equal("+989121234567", created.GetProperty("applicantMobile").GetString());
        Assert.Equal("+989121234567", await MobileOfAsync(fileNumber));
        var payload = await EventOfAsync(fileNumber);
        Assert.Equal("+989121234567", payload.GetProperty("applicantMobile").GetString());
        Assert.Equal(trackingCode, payload.GetProperty("trackingCode").GetString());
        var file = await (await client.GetAsync($"{Requests.FilesPath}/{fileNumber}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("+989121234567", file.GetProperty("applicantMobile").GetString());
    }

    [Fact]
    public async Task Without_a_mobile_the_file_opens_and_the_event_carries_none_but_the_tracking_code()
    {
        var code = NewRenovationCode(17);
        Service.Properties.Register(code, 17, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC17", "1583250689"));

        var created = await (await client.OpenFileAsync(code, Applicant, "OFC17")).AssertJsonAsync(HttpStatusCode.Created);

        var fileNumber = created.GetProperty("fileNumber").GetString()!;
        Assert.Equal(JsonValueKind.Null, created.GetProperty("applicantMobile").ValueKind);
        Assert.Null(await MobileOfAsync(fileNumber));
        var payload = await EventOfAsync(fileNumber);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("applicantMobile").ValueKind);
        Assert.Equal(created.GetProperty("trackingCode").GetString(), payload.GetProperty("trackingCode").GetString());
    }

    [Theory]
    [InlineData("0912123")]
    [InlineData("02188776655")]
    [InlineData("not a phone")]
    public async Task A_malformed_mobile_is_a_400_on_applicantMobile_and_nothing_is_written(string typed)
    {
        var code = NewRenovationCode(17);
        Service.Properties.Register(code, 17, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC17", "1583250689"));
        var files = await Service.CountAsync("SELECT count(*) FROM files");

        var errors = await (await client.PostAsJsonAsync(Requests.FilesPath,
            new { renovationCode = code, applicantNationalId = Applicant, officeCode = "OFC17", applicantMobile = typed })).AssertValidationProblemAsync();

        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty("applicantMobile")[0].GetString()));
        Assert.Equal(files, await Service.CountAsync("SELECT count(*) FROM files"));
        // Nobody else was asked: the shape is checked first.
        Assert.Empty(Service.Properties.CallsFor(code));
    }

    [Fact]
    public async Task A_client_without_pii_read_sees_the_mobile_masked_and_one_with_it_sees_it_whole()
    {
        var code = NewRenovationCode(17);
        Service.Properties.Register(code, 17, Applicant);
        using var operatorClient = Service.CreateClient(TestTokens.Operator("OFC17", "1583250689"));
        var fileNumber = (await (await operatorClient.PostAsJsonAsync(Requests.FilesPath,
            new { renovationCode = code, applicantNationalId = Applicant, officeCode = "OFC17", applicantMobile = "09351234567" })).AssertJsonAsync(HttpStatusCode.Created))
            .GetProperty("fileNumber").GetString()!;
        using var reader = Service.CreateClient(TestTokens.Integrator("utility-gas", Scopes.UrbanPlanningRead));
        using var trusted = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.UrbanPlanningRead, Scopes.PiiRead));

        var masked = await (await reader.GetAsync($"{Requests.FilesPath}/{fileNumber}")).AssertJsonAsync(HttpStatusCode.OK);
        var shown = await (await trusted.GetAsync($"{Requests.FilesPath}/{fileNumber}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("+98935*****67", masked.GetProperty("applicantMobile").GetString());
        Assert.DoesNotContain("1234567", masked.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("+989351234567", shown.GetProperty("applicantMobile").GetString());
    }

    /// <summary>A property of its own for each test (a property has one file), in the given district.</summary>
    private static string NewRenovationCode(int district) =>
        $"{district}-{Random.Shared.Next(1, 999)}-{Random.Shared.Next(1, 999)}-{Random.Shared.Next(1, 9999)}-0-0-0";

    private async Task<string?> MobileOfAsync(string fileNumber)
    {
        await using var db = Service.OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT applicant_mobile FROM files WHERE file_number = @n";
        command.Parameters.AddWithValue("n", fileNumber);
        var value = await command.ExecuteScalarAsync();
        Assert.NotNull(value);
        return value is DBNull ? null : (string)value;
    }

    /// <summary>The file's one UrbanPlanningFileOpened, as the outbox holds it for the relay.</summary>
    private async Task<JsonElement> EventOfAsync(string fileNumber)
    {
        await using var db = Service.OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT payload::text FROM outbox_messages WHERE payload->>'fileNumber' = @n AND message_type LIKE '%UrbanPlanningFileOpened'";
        command.Parameters.AddWithValue("n", fileNumber);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no UrbanPlanningFileOpened for {fileNumber} in the outbox");
        var payload = JsonDocument.Parse(reader.GetString(0)).RootElement.Clone();
        Assert.False(await reader.ReadAsync(), $"more than one UrbanPlanningFileOpened for {fileNumber}");
        return payload;
    }
}
