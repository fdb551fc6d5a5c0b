using System.Net;
using System.Net.Http.Json;
using CityEServices.Messaging;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// A caller's X-Correlation-ID travels with the event when it is usable; one that is not (too long
/// for the outbox column, control characters) is dropped — it never turns a valid write into a 500.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CorrelationIdTests(PropertyService service) : IClassFixture<PropertyService>
{
    [Theory]
    [InlineData("9-1-1-1-0-0-0", 9, 300)]
    [InlineData("9-1-1-2-0-0-0", 9, CorrelationIds.MaxLength + 1)]
    public async Task An_unusable_correlation_id_is_dropped_and_the_registration_still_commits(string code, int district, int length)
    {
        using var client = service.CreateClient(TestTokens.Admin("Sara Admin"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.PropertiesPath)
        {
            Content = JsonContent.Create(Requests.Registration(code, district, Requests.Owner(NationalIds.Next(), "مریم احمدی", 6))),
        };
        request.Headers.TryAddWithoutValidation(MessagingHeaders.CorrelationId, new string('c', length));

        using var response = await client.SendAsync(request);

        await response.AssertJsonAsync(HttpStatusCode.Created);
        var row = Assert.Single(await service.OutboxRowsForAsync(code));
        Assert.Null(row.CorrelationId);
    }
}
