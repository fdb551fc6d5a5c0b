using System.Globalization;
using System.Net;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using Grpc.Core;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// A certification runs out without any write, so no event tells anyone: the allowed answer itself says
/// until when it holds (<c>expires_at</c>), and this service's own cache never answers past it either.
/// Certifications here last seconds, so the expiry can be watched happen.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CertificationExpiryTests(CertificationExpiryTests.ShortCertifications service, ITestOutputHelper output)
    : ServiceTest<CertificationExpiryTests.ShortCertifications>(service, output), IClassFixture<CertificationExpiryTests.ShortCertifications>
{
    private const string Office = "EXP1";
    private static readonly TimeSpan Validity = TimeSpan.FromSeconds(6);

    public sealed class ShortCertifications(ServerFixture servers) : OfficeManagementService(servers)
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["OfficeManagement:CertificationValidity"] = Validity.ToString("c", CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task An_allowed_answer_says_when_the_certification_expires_and_is_never_given_after_it()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync(Office, district: 8)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.GrantLicenceAsync(Office, ServiceTypes.UrbanFile)).AssertJsonAsync(HttpStatusCode.Created);
        var person = NationalIds.Next();
        await (await admin.AddStaffAsync(Office, person)).AssertJsonAsync(HttpStatusCode.Created);
        await admin.CertifyAsync(person, ServiceTypes.UrbanFile);
        var record = await (await admin.GetAsync(Requests.QualificationsPath(person))).AssertJsonAsync(HttpStatusCode.OK);
        var status = Assert.Single(record.GetProperty("statuses").EnumerateArray());
        var certifiedAt = status.GetProperty("certifiedAt").GetProperty("utc").GetDateTimeOffset();
        Assert.Equal(certifiedAt + Validity, status.GetProperty("expiresAt").GetProperty("utc").GetDateTimeOffset());

        using var channel = Service.CreateGrpcChannel();
        var client = new OfficeAuthorization.OfficeAuthorizationClient(channel);
        Task<AuthorizeServiceReply> AskAsync() => client.AuthorizeServiceAsync(
            new AuthorizeServiceRequest { OfficeCode = Office, OperatorNationalId = person, ServiceType = ServiceTypes.UrbanFile },
            new Metadata { { "Authorization", $"Bearer {TestTokens.Operator(Office, person)}" } },
            DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

        var allowed = await AskAsync();
        Assert.True(allowed.Allowed, allowed.Detail);
        Assert.Equal((certifiedAt + Validity).UtcDateTime.ToString("O", CultureInfo.InvariantCulture), allowed.ExpiresAt);

        // Cached now; still the expiry of the certification, not of the cache entry.
        Assert.Equal(allowed.ExpiresAt, (await AskAsync()).ExpiresAt);

        // Nothing is written when the certification runs out; the answer changes all the same, and never
        // early or late: allowed only if asked before the expiry, refused only if answered after it.
        var expiresAt = certifiedAt + Validity;
        var answers = new List<(DateTimeOffset AskedAt, DateTimeOffset AnsweredAt, AuthorizeServiceReply Reply)>();
        await Eventually.UntilAsync(
            async () =>
            {
                var askedAt = DateTimeOffset.UtcNow;
                var reply = await AskAsync();
                answers.Add((askedAt, DateTimeOffset.UtcNow, reply));
                return !reply.Allowed;
            },
            Validity + TimeSpan.FromSeconds(10),
            "the answer to turn into a refusal once the certification ran out");
        Assert.All(answers.Where(a => a.Reply.Allowed), a => Assert.True(a.AskedAt < expiresAt, $"allowed when asked at {a.AskedAt:O}, after the expiry {expiresAt:O}"));
        var expired = answers[^1];
        Assert.True(expired.AnsweredAt >= expiresAt, $"refused by {expired.AnsweredAt:O}, before the expiry {expiresAt:O}");
        Assert.Equal("CertificationExpired", expired.Reply.Reason);
        Assert.Equal(string.Empty, expired.Reply.ExpiresAt);
    }
}
