using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>Who may read a dossier: archivists and admins all, an operator their office's, a reviewer their district's.</summary>
[Collection(ServersCollection.Name)]
public sealed class DossierAccessTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>, IAsyncLifetime
{
    private const string File = "05000000001";

    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f", ("f", File)) == 0)
        {
            await Service.InsertDossierAsync(File, "5-2-3-4-0-0-0", 5, "OFC5");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Allowed => ["archivist", "admin", "operator of the file's office", "reviewer of the file's district"];

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task May_read(string who)
    {
        using var client = Service.CreateClient(TokenOf(who));

        var dossier = await (await client.GetAsync(Requests.DossierPath(File))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(File == dossier.GetProperty("fileNumber").GetString(), who);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "reviewer of another district", "WrongDistrict" },
        { "operator of another office", "NotDossierOffice" },
        { "registrar", "RoleNotAllowed" },
        { "integrator", "RoleNotAllowed" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task May_not_read(string who, string reason)
    {
        using var client = Service.CreateClient(TokenOf(who));

        var problem = await (await client.GetAsync(Requests.DossierPath(File))).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.True(reason == problem.GetProperty("reason").GetString(), $"{who}: {problem}");
        Assert.DoesNotContain("5-2-3-4-0-0-0", problem.GetRawText(), StringComparison.Ordinal);
    }

    // The file was opened at OFC5 for a property in district 5.
    private static string TokenOf(string who) => who switch
    {
        "archivist" => TestTokens.Create([Roles.Archivist]),
        "admin" => TestTokens.Create([Roles.Admin]),
        "operator of the file's office" => TestTokens.Operator("ofc5", "1583250689"),
        "reviewer of the file's district" => TestTokens.Reviewer(5),
        "reviewer of another district" => TestTokens.Reviewer(6),
        "operator of another office" => TestTokens.Operator("OFC6", "1583250689"),
        "registrar" => TestTokens.Create([Roles.Registrar]),
        "integrator" => TestTokens.Create([Roles.Integrator]),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    [Fact]
    public async Task Without_a_token_it_is_a_401()
    {
        using var client = Service.CreateClient();

        using var response = await client.GetAsync(Requests.DossierPath(File));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_file_number_is_a_400_with_the_field()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));

        var problem = await (await client.GetAsync(Requests.DossierPath("23000000001"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("fileNumber", out _));
    }
}
