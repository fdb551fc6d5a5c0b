using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Every route through the gateway, three times: without a token (401), with a role that may not
/// (403 with a reason), with one that may (2xx). One row per operation; when a service gains a route,
/// add its row. Paths take the placeholders {renovationCode}, {officeCode}, {operatorId}, {fileNumber};
/// bodies are built from <see cref="Values"/> (a fresh number and national ID on every call).
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class GatewayAuthorizationMatrixTests(CityStackFixture stack)
{
    public sealed record Values(SampleWorld World, string FileNumber, int N, string NationalId);

    /// <param name="Allowed">A role that may call it.</param>
    /// <param name="Refused">A role that may not, or null when every authenticated caller may.</param>
    public sealed record Route(string Method, string Path, Func<Values, object>? Body, string Allowed, string? Refused, HttpStatusCode Success)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    public static readonly Route[] Routes =
    [
        // identity
        new("POST", "/api/identity/users", v => new { userName = $"matrix{v.N}", password = "Matrix-Passw0rd", roles = new[] { "archivist" } }, "admin", "registrar", HttpStatusCode.Created),
        new("GET", "/api/identity/users/admin", null, "admin", "integrator", HttpStatusCode.OK),
        new("POST", "/api/identity/clients", v => new { displayName = $"Matrix bank {v.N}", roles = new[] { "integrator" } }, "admin", "office-operator", HttpStatusCode.Created),
        // property
        new("POST", "/api/properties", v => new
        {
            renovationCode = $"9-{v.N % 90 + 1}-{v.N}-{v.N % 700 + 1}-0-0-0",
            registrationPlate = new { section = 3, main = 100 + v.N % 5000, sub = v.N % 300 + 1 },
            district = 9,
            address = "تهران، خیابان آزادی",
            postalCode = "19658" + (v.N % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            landAreaM2 = 200m,
            buildingAreaM2 = 300m,
            floors = 2,
            usage = "Residential",
            owners = new object[] { new { partyType = "Person", nationalId = v.NationalId, fullName = "رضا محمدی", shareDang = 6 } },
        }, "registrar", "archivist", HttpStatusCode.Created),
        new("GET", "/api/properties/{renovationCode}", null, "archivist", null, HttpStatusCode.OK),
        // office management
        new("GET", "/api/service-types", null, "integrator", null, HttpStatusCode.OK),
        new("POST", "/api/offices", v => new { code = $"M{v.N}", name = "دفتر ماتریس", district = 5, address = "تهران" }, "admin", "registrar", HttpStatusCode.Created),
        new("GET", "/api/offices/{officeCode}", null, "admin", "registrar", HttpStatusCode.OK),
        new("POST", "/api/offices/{officeCode}/licences", _ => new { serviceType = "BUILDING_PERMIT" }, "admin", "registrar", HttpStatusCode.Created),
        new("POST", "/api/offices/{officeCode}/staff", v => new { nationalId = v.NationalId, fullName = "نرگس امینی", role = "Operator" }, "admin", "archivist", HttpStatusCode.Created),
        new("POST", "/api/staff/{operatorId}/qualifications", _ => new { serviceType = "BUILDING_PERMIT", kind = "Exam", score = 90, passed = true }, "admin", "office-operator", HttpStatusCode.Created),
        // urban planning
        new("POST", "/api/urban-planning/files", v => new { renovationCode = v.World.RenovationCode, applicantNationalId = v.World.ApplicantNationalId, officeCode = v.World.OfficeCode }, "office-operator", "registrar", HttpStatusCode.Created),
        new("GET", "/api/urban-planning/files/{fileNumber}", null, "admin", null, HttpStatusCode.OK),
        // archive
        new("GET", "/api/archive/categories", null, "archivist", null, HttpStatusCode.OK),
    ];

    public static TheoryData<int> RouteIndexes => [.. Enumerable.Range(0, Routes.Length)];

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static (SampleWorld World, RoleTokens Tokens, string FileNumber)? _shared;
    private static int _n = Random.Shared.Next(10_000, 90_000);

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public async Task Each_route_is_401_without_a_token_403_with_a_wrong_role_and_succeeds_with_the_right_one(int index)
    {
        var route = Routes[index];
        var (world, tokens, fileNumber) = await SharedAsync();
        var gateway = stack.Gateway;

        using (var anonymous = await gateway.SendAsync(Build(route, world, fileNumber, token: null)))
        {
            await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        if (route.Refused is { } refused)
        {
            using var forbidden = await gateway.SendAsync(Build(route, world, fileNumber, tokens[refused]));
            var problem = await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True(problem.TryGetProperty("reason", out _), $"{route}: a 403 must say why: {problem}");
        }

        using var allowed = await gateway.SendAsync(Build(route, world, fileNumber, tokens[route.Allowed]));
        var body = await allowed.Content.ReadAsStringAsync();
        Assert.True(route.Success == allowed.StatusCode, $"{route} as {route.Allowed}: expected {(int)route.Success}, got {(int)allowed.StatusCode}: {body}");
    }

    private async Task<(SampleWorld, RoleTokens, string)> SharedAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var gateway = stack.Gateway;
                var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
                var world = await SampleWorld.CreateAsync(gateway, admin, district: 11);
                var tokens = await RoleTokens.CreateAsync(gateway, admin, world);
                // Another property's file for the GET row, so that the POST row opens the first world's.
                var other = await SampleWorld.CreateAsync(gateway, admin, district: 11);
                var file = await gateway.OpenFileAsync(other);
                _shared = (world, tokens, file["fileNumber"]!.GetValue<string>());
            }

            return _shared.Value;
        }
        finally
        {
            Setup.Release();
        }
    }

    private static HttpRequestMessage Build(Route route, SampleWorld world, string fileNumber, string? token)
    {
        var path = route.Path
            .Replace("{renovationCode}", world.RenovationCode, StringComparison.Ordinal)
            .Replace("{officeCode}", world.OfficeCode, StringComparison.Ordinal)
            .Replace("{operatorId}", world.OperatorNationalId, StringComparison.Ordinal)
            .Replace("{fileNumber}", fileNumber, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Body is not null)
        {
            request.Content = JsonContent.Create(route.Body(new Values(world, fileNumber, Interlocked.Increment(ref _n), NationalIds.Next())));
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
