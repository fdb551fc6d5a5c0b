using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Messaging;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Opening a file end to end inside the service: the HTTP call, the office and property checks over
/// gRPC, the file and its event committed together in PostgreSQL, and the event on RabbitMQ.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OpenFileTests(UrbanPlanningService service, ITestOutputHelper output) : ServiceTest<UrbanPlanningService>(service, output), IClassFixture<UrbanPlanningService>
{
    /// <summary>Where MassTransit publishes the event: an exchange named after the message type.</summary>
    private const string Exchange = "CityEServices.Contracts.Events:UrbanPlanningFileOpened";

    private const string EventType = "CityEServices.Contracts.Events.UrbanPlanningFileOpened";
    private const string Applicant = "0076229645";
    private const string OperatorNationalId = "1583250689";

    [Fact]
    public async Task Opening_a_file_commits_the_file_and_one_event_together_and_the_event_reaches_the_broker()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, Exchange);
        Service.Properties.Register("22-3-15-7-0-0-0", 22, "1111111111", Applicant);
        var correlationId = $"corr-{Guid.NewGuid():N}";
        var operatorId = Guid.NewGuid().ToString("N");
        using var client = Service.CreateClient(TestTokens.Create(
            [Roles.OfficeOperator], officeCode: "OFC22", nationalId: OperatorNationalId, name: "Maryam Operator", subject: operatorId));

        // Persian digits and a leading zero, as typed at a counter: stored and announced in canonical form.
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.FilesPath)
        {
            Content = JsonContent.Create(new { renovationCode = "۲۲-03-15-7-0-0-0", applicantNationalId = Applicant, officeCode = "ofc22" }),
        };
        request.Headers.Add(MessagingHeaders.CorrelationId, correlationId);
        using var response = await client.SendAsync(request);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var fileNumber = created.GetProperty("fileNumber").GetString()!;
        var trackingCode = created.GetProperty("trackingCode").GetString()!;
        Assert.Matches("^22[0-9]{9}$", fileNumber);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{13}$", trackingCode);
        Assert.Equal("Open", created.GetProperty("status").GetString());
        Assert.Equal($"{Requests.FilesPath}/{fileNumber}", response.Headers.Location?.OriginalString);

        // Both dependencies were asked about this operator and applicant, with the caller's own token.
        var authorization = Assert.Single(Service.Offices.CallsFor("OFC22"));
        Assert.Equal(OperatorNationalId, authorization.OperatorNationalId);
        Assert.Equal("URBAN_FILE", authorization.ServiceType);
        Assert.All(Service.Offices.Calls.Where(c => c.Request.OfficeCode == "OFC22"), c => Assert.StartsWith("Bearer ", c.Authorization));
        var ownership = Assert.Single(Service.Properties.CallsFor("22-3-15-7-0-0-0"));
        Assert.Equal(Applicant, ownership.NationalId);

        // The file row.
        await using (var db = Service.OpenDatabase())
        {
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT tracking_code, renovation_code, district, office_code, applicant_national_id, status, opened_by_name, opened_by FROM files WHERE file_number = @n";
            command.Parameters.AddWithValue("n", fileNumber);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"file {fileNumber} is not in the database");
            Assert.Equal(trackingCode, reader.GetString(0));
            Assert.Equal("22-3-15-7-0-0-0", reader.GetString(1));
            Assert.Equal(22, reader.GetInt32(2));
            Assert.Equal("OFC22", reader.GetString(3));
            Assert.Equal(Applicant, reader.GetString(4));
            Assert.Equal("Open", reader.GetString(5));
            Assert.Equal("Maryam Operator", reader.GetString(6));
            // Who opened it is the operator's id; the name is only a label for people reading the record.
            Assert.Equal($"user:{operatorId}", reader.GetString(7));
        }

        // Exactly one outbox row for it, of the right type, carrying the request's correlation id.
        var outbox = await OutboxRowsForAsync(fileNumber);
        var row = Assert.Single(outbox);
        Assert.Equal(EventType, row.MessageType);
        Assert.Equal(correlationId, row.CorrelationId);
        Assert.Equal("22-3-15-7-0-0-0", row.Payload.GetProperty("renovationCode").GetString());
        Assert.Equal(row.Id, row.Payload.GetProperty("eventId").GetGuid());

        // The relay publishes it; it arrives on the type's exchange as MassTransit's envelope.
        var received = await listener.WaitForAsync(
            m => m.Envelope.TryGetProperty("message", out var message) && message.GetProperty("fileNumber").GetString() == fileNumber,
            TimeSpan.FromSeconds(15),
            $"UrbanPlanningFileOpened for {fileNumber} on exchange {Exchange}");
        var delivered = Assert.Single(received);
        Assert.Equal(row.Id, Guid.Parse(delivered.Envelope.GetProperty("messageId").GetString()!));
        Assert.Contains(delivered.Envelope.GetProperty("messageType").EnumerateArray(), t => t.GetString() == "urn:message:CityEServices.Contracts.Events:UrbanPlanningFileOpened");
        var message = delivered.Envelope.GetProperty("message");
        Assert.Equal(row.Id, message.GetProperty("eventId").GetGuid());
        Assert.Equal("22-3-15-7-0-0-0", message.GetProperty("renovationCode").GetString());
        Assert.Equal(22, message.GetProperty("district").GetInt32());
        Assert.Equal("OFC22", message.GetProperty("officeCode").GetString());
        Assert.Equal(Applicant, message.GetProperty("applicantNationalId").GetString());
        Assert.Equal($"user:{operatorId}", message.GetProperty("openedBy").GetString());
        Assert.Equal(correlationId, message.GetProperty("correlationId").GetString());

        // Once confirmed by the broker the row is marked published, and is not sent again.
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @id AND published_at IS NOT NULL", ("id", row.Id)) == 1,
            TimeSpan.FromSeconds(10),
            "the outbox row marked published");
        // A later event is relayed by a later pass; once it has come through, a repeat of this one would have too.
        Service.Properties.Register("22-3-15-8-0-0-0", 22, Applicant);
        var later = (await (await client.OpenFileAsync("22-3-15-8-0-0-0", Applicant, "OFC22")).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("fileNumber").GetString()!;
        await listener.WaitForAsync(
            m => m.Envelope.TryGetProperty("message", out var message) && message.GetProperty("fileNumber").GetString() == later,
            TimeSpan.FromSeconds(15),
            $"UrbanPlanningFileOpened for the later file {later}");
        Assert.Single(listener.All, m => m.Envelope.GetProperty("message").GetProperty("fileNumber").GetString() == fileNumber);

        // And the operator can read the file back.
        var file = await (await client.GetAsync($"{Requests.FilesPath}/{fileNumber}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(trackingCode, file.GetProperty("trackingCode").GetString());
        Assert.Equal("22-3-15-7-0-0-0", file.GetProperty("renovationCode").GetString());
        Assert.Equal(22, file.GetProperty("district").GetInt32());
        Assert.Equal("OFC22", file.GetProperty("officeCode").GetString());
        Assert.Equal(Applicant, file.GetProperty("applicantNationalId").GetString());
        Assert.Equal($"user:{operatorId}", file.GetProperty("openedBy").GetString());
        Assert.Equal("Maryam Operator", file.GetProperty("openedByName").GetString());

        await AssertEveryFileHasExactlyOneEventAsync();
    }

    [Fact]
    public async Task A_second_opening_for_the_same_property_is_a_409_naming_the_existing_file_and_writes_no_event()
    {
        Service.Properties.Register("5-1-2-3-0-0-0", 5, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC5", OperatorNationalId));
        var first = await (await client.OpenFileAsync("5-1-2-3-0-0-0", Applicant, "OFC5")).AssertJsonAsync(HttpStatusCode.Created);
        var fileNumber = first.GetProperty("fileNumber").GetString()!;

        var problem = await (await client.OpenFileAsync("5-1-2-3-0-0-0", Applicant, "OFC5")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("FileAlreadyOpen", problem.GetProperty("reason").GetString());
        Assert.Equal(fileNumber, problem.GetProperty("fileNumber").GetString());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM files WHERE renovation_code = '5-1-2-3-0-0-0'"));
        Assert.Single(await OutboxRowsForAsync(fileNumber));
        await AssertEveryFileHasExactlyOneEventAsync();
    }

    [Fact]
    public async Task When_the_event_cannot_be_written_the_file_is_not_written_either()
    {
        // A fault injected in the real database: this property's event is rejected on insert.
        await using (var db = Service.OpenDatabase())
        {
            await using var command = db.CreateCommand();
            command.CommandText = """
                CREATE OR REPLACE FUNCTION reject_test_event() RETURNS trigger AS $$
                BEGIN
                  IF NEW.payload->>'renovationCode' = '22-9-9-9-0-0-0' THEN RAISE EXCEPTION 'injected outbox failure'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS reject_test_event ON outbox_messages;
                CREATE TRIGGER reject_test_event BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION reject_test_event();
                """;
            await command.ExecuteNonQueryAsync();
        }

        Service.Properties.Register("22-9-9-9-0-0-0", 22, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC29", OperatorNationalId));
        var lastNumberBefore = await Service.CountAsync("SELECT COALESCE(max(last_value), 0) FROM file_number_sequences WHERE district = 22");

        var problem = await (await client.OpenFileAsync("22-9-9-9-0-0-0", Applicant, "OFC29")).AssertProblemAsync(HttpStatusCode.InternalServerError);

        Assert.DoesNotContain("injected", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM files WHERE renovation_code = '22-9-9-9-0-0-0'"));
        // The number it had drawn went back with the rollback.
        Assert.Equal(lastNumberBefore, await Service.CountAsync("SELECT COALESCE(max(last_value), 0) FROM file_number_sequences WHERE district = 22"));
        await AssertEveryFileHasExactlyOneEventAsync();
    }

    private sealed record OutboxRow(Guid Id, string MessageType, string? CorrelationId, JsonElement Payload);

    private async Task<IReadOnlyList<OutboxRow>> OutboxRowsForAsync(string fileNumber)
    {
        await using var db = Service.OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT id, message_type, correlation_id, payload::text FROM outbox_messages WHERE payload->>'fileNumber' = @n";
        command.Parameters.AddWithValue("n", fileNumber);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                JsonDocument.Parse(reader.GetString(3)).RootElement.Clone()));
        }

        return rows;
    }

    /// <summary>Files and events only ever exist in pairs: no file without its event, no event without its file.</summary>
    private async Task AssertEveryFileHasExactlyOneEventAsync()
    {
        var unpaired = await Service.CountAsync("""
            SELECT count(*) FROM files f FULL JOIN outbox_messages o ON o.payload->>'fileNumber' = f.file_number
            WHERE f.file_number IS NULL OR o.id IS NULL
            """);
        Assert.Equal(0, unpaired);
        Assert.Equal(
            await Service.CountAsync("SELECT count(*) FROM files"),
            await Service.CountAsync("SELECT count(*) FROM outbox_messages"));
    }
}
