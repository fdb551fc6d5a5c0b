using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Messaging;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Registering a property end to end inside the service: the HTTP call, the property, its owners and
/// one PropertyRegistered outbox row committed together in PostgreSQL, and the event on RabbitMQ.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RegistrationTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    /// <summary>Where MassTransit publishes the event: an exchange named after the message type.</summary>
    private const string Exchange = "CityEServices.Contracts.Events:PropertyRegistered";

    private const string EventType = "CityEServices.Contracts.Events.PropertyRegistered";

    /// <summary>One owner as sent, and as the API and the event must give the share back.</summary>
    /// <param name="Sent">The JSON value sent as shareDang (a number or a string).</param>
    /// <param name="ShareDangJson">The raw JSON of shareDang in the response: a number when exact in decimal, else the fraction string.</param>
    /// <param name="Fraction">The exact fraction: shareFraction in the response, shareDang in the event and the numerator/denominator stored.</param>
    private sealed record ExpectedOwner(string NationalId, string FullName, object Sent, string ShareDangJson, string Fraction);

    [Fact]
    public async Task Admin_registers_four_and_two_dang_and_the_property_its_owners_and_one_event_are_committed_and_published()
    {
        var a = NationalIds.Next();
        var b = NationalIds.Next();
        await RegisterAndAssertAsync(
            TestTokens.Create([Roles.Admin], name: "Sara Admin", subject: "sara-admin"), "user:sara-admin", "6-12-104-7-0-0-0", 6,
            // Listed largest share first whatever the order sent.
            [new(b, "Reza Karimi", 2, "2", "2"), new(a, "Maryam Ahmadi", 4, "4", "4")],
            expectedOrder: [a, b]);
    }

    [Fact]
    public async Task Registrar_registers_two_and_a_half_and_three_and_a_half_dang_exactly()
    {
        var a = NationalIds.Next();
        var b = NationalIds.Next();
        await RegisterAndAssertAsync(
            TestTokens.Create([Roles.Registrar], name: "Ali Registrar", subject: "ali-registrar"), "user:ali-registrar", "12-3-45-6-1-2-0", 12,
            // A JSON number and a decimal string: both read exactly, never through floating point.
            [new(a, "Maryam Ahmadi", 2.5m, "2.5", "5/2"), new(b, "Reza Karimi", "3.5", "3.5", "7/2")],
            expectedOrder: [b, a]);
    }

    [Fact]
    public async Task Thirds_of_a_dang_are_kept_as_exact_fractions()
    {
        var a = NationalIds.Next();
        var b = NationalIds.Next();
        var c = NationalIds.Next();
        await RegisterAndAssertAsync(
            TestTokens.Create([Roles.Registrar], name: "Ali Registrar", subject: "ali-registrar"), "user:ali-registrar", "3-1-1-1-0-0-0", 3,
            [new(a, "Maryam Ahmadi", "1/3", "\"1/3\"", "1/3"), new(b, "Reza Karimi", "2/3", "\"2/3\"", "2/3"), new(c, "Neda Rahimi", 5, "5", "5")],
            expectedOrder: [c, b, a]);
    }

    [Fact]
    public async Task A_national_id_and_renovation_code_typed_in_Persian_digits_are_stored_and_read_back_in_ASCII()
    {
        const string Owner = "0076229645";
        var body = Requests.Registration("۰۷-۰۱۲-104-7-0-0-0", 7, Requests.Owner("۰۰۷۶۲۲۹۶۴۵", "مریم احمدی", 6));
        body["postalCode"] = "۱۳۱۵۶-۷۳۸۱۱";
        using var client = Service.CreateClient(TestTokens.Registrar());

        var created = await (await client.RegisterAsync(body)).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("7-12-104-7-0-0-0", created.GetProperty("renovationCode").GetString());
        Assert.Equal("1315673811", created.GetProperty("postalCode").GetString());
        Assert.Equal(Owner, Assert.Single(created.GetProperty("owners").EnumerateArray()).GetProperty("nationalId").GetString());

        // Read back by the code as a person would type it, and as stored.
        var read = await (await client.GetAsync(Requests.PropertyPath("۷-۱۲-۱۰۴-۷-۰-۰-۰"))).AssertJsonAsync(HttpStatusCode.OK);
        var owner = Assert.Single(read.GetProperty("owners").EnumerateArray());
        Assert.Equal(Owner, owner.GetProperty("nationalId").GetString());
        Assert.Equal(Owner, owner.GetProperty("partyId").GetString());
        Assert.Equal("Person", owner.GetProperty("partyType").GetString());

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM property_owners WHERE renovation_code = '7-12-104-7-0-0-0' AND party_id = @id", ("id", Owner)));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM properties WHERE renovation_code = '7-12-104-7-0-0-0' AND postal_code = '1315673811'"));
        var row = Assert.Single(await Service.OutboxRowsForAsync("7-12-104-7-0-0-0"));
        Assert.Equal(Owner, Assert.Single(row.Payload.GetProperty("owners").EnumerateArray()).GetProperty("partyId").GetString());
    }

    private async Task RegisterAndAssertAsync(string token, string actor, string code, int district, ExpectedOwner[] owners, string[] expectedOrder)
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, Exchange);
        var correlationId = $"corr-{Guid.NewGuid():N}";
        using var client = Service.CreateClient(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.PropertiesPath)
        {
            Content = JsonContent.Create(Requests.Registration(code, district, [.. owners.Select(o => Requests.Owner(o.NationalId, o.FullName, o.Sent))])),
        };
        request.Headers.Add(MessagingHeaders.CorrelationId, correlationId);

        using var response = await client.SendAsync(request);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Requests.PropertyPath(code), response.Headers.Location?.OriginalString);
        AssertProperty(created, code, district, owners, expectedOrder);

        // What a later reader sees is what the registration answered.
        var read = await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        AssertProperty(read, code, district, owners, expectedOrder);
        Assert.Equal(created.GetProperty("registeredAt").GetProperty("utc").GetDateTimeOffset(), read.GetProperty("registeredAt").GetProperty("utc").GetDateTimeOffset());

        // Stamped by the service's clock, in UTC and in the Solar Hijri calendar (Tehran time).
        Assert.Equal(Service.Clock.GetUtcNow(), created.GetProperty("registeredAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal("1404/09/08 14:30", created.GetProperty("registeredAt").GetProperty("jalali").GetString());

        // The rows: the property by its actor (an id, never the display name), each owner's exact share as two integers.
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM properties WHERE renovation_code = @c AND district = @d AND registered_by = @by", ("c", code), ("d", district), ("by", actor)));
        Assert.Equal(owners.Length, await Service.CountAsync("SELECT count(*) FROM property_owners WHERE renovation_code = @c AND valid_to IS NULL", ("c", code)));
        foreach (var owner in owners)
        {
            var (numerator, denominator) = Fraction(owner.Fraction);
            Assert.Equal(1, await Service.CountAsync(
                "SELECT count(*) FROM property_owners WHERE renovation_code = @c AND party_id = @p AND share_numerator = @n AND share_denominator = @d",
                ("c", code), ("p", owner.NationalId), ("n", numerator), ("d", denominator)));
        }

        // Exactly one event, committed with the property, carrying the request's correlation id.
        var row = Assert.Single(await Service.OutboxRowsForAsync(code));
        Assert.Equal(EventType, row.MessageType);
        Assert.Equal(correlationId, row.CorrelationId);
        Assert.Equal(row.Id, row.Payload.GetProperty("eventId").GetGuid());
        Assert.Equal(district, row.Payload.GetProperty("district").GetInt32());
        AssertEventOwners(row.Payload, owners);

        // The relay publishes it to the type's exchange, as MassTransit's envelope, once.
        var received = await listener.WaitForAsync(
            m => m.Envelope.TryGetProperty("message", out var message) && message.GetProperty("renovationCode").GetString() == code,
            TimeSpan.FromSeconds(15),
            $"PropertyRegistered for {code} on exchange {Exchange}");
        var delivered = Assert.Single(received);
        Assert.Equal(row.Id, Guid.Parse(delivered.Envelope.GetProperty("messageId").GetString()!));
        var message = delivered.Envelope.GetProperty("message");
        Assert.Equal(row.Id, message.GetProperty("eventId").GetGuid());
        Assert.Equal(district, message.GetProperty("district").GetInt32());
        Assert.Equal(correlationId, message.GetProperty("correlationId").GetString());
        AssertEventOwners(message, owners);

        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @id AND published_at IS NOT NULL", ("id", row.Id)) == 1,
            TimeSpan.FromSeconds(10),
            "the outbox row marked published");
    }

    private static void AssertProperty(JsonElement property, string code, int district, ExpectedOwner[] owners, string[] expectedOrder)
    {
        Assert.Equal(code, property.GetProperty("renovationCode").GetString());
        Assert.Equal(district, property.GetProperty("district").GetInt32());
        Assert.Equal("Residential", property.GetProperty("usage").GetString());
        Assert.Equal(250.5m, property.GetProperty("landAreaM2").GetDecimal());
        Assert.Equal(4521, property.GetProperty("registrationPlate").GetProperty("main").GetInt32());

        var listed = property.GetProperty("owners").EnumerateArray().ToList();
        Assert.Equal(expectedOrder, listed.Select(o => o.GetProperty("nationalId").GetString()));
        foreach (var owner in owners)
        {
            var found = Assert.Single(listed, o => o.GetProperty("nationalId").GetString() == owner.NationalId);
            Assert.Equal(owner.FullName, found.GetProperty("fullName").GetString());
            Assert.Equal(owner.ShareDangJson, found.GetProperty("shareDang").GetRawText());
            Assert.Equal(owner.Fraction, found.GetProperty("shareFraction").GetString());
            Assert.Equal(owner.NationalId, found.GetProperty("partyId").GetString());
        }
    }

    private static void AssertEventOwners(JsonElement message, ExpectedOwner[] owners)
    {
        var shares = message.GetProperty("owners").EnumerateArray()
            .ToDictionary(o => o.GetProperty("partyId").GetString()!, o => o.GetProperty("shareDang").GetString());
        Assert.Equal(owners.ToDictionary(o => o.NationalId, o => (string?)o.Fraction), shares);
    }

    private static (long Numerator, long Denominator) Fraction(string text) =>
        text.Split('/') is [var n, var d] ? (long.Parse(n), long.Parse(d)) : (long.Parse(text), 1);
}
