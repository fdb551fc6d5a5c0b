using CityEServices.OfficeManagement.Data;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>The real office-management service (its Program, its migrations, its outbox relay, its gRPC server) on a TestServer.</summary>
public class OfficeManagementService(ServerFixture servers)
    : ServiceFactory<OfficeManagementDbContext>(servers, "officemanagement", Extensions.DatabaseName)
{
    /// <summary>Every table this service writes, counted: a refused request must leave these unchanged.</summary>
    public async Task<(long Offices, long Licences, long Staff, long Attempts, long Outbox, long StatusChanges)> CountWritesAsync() => (
        await CountAsync("SELECT count(*) FROM offices"),
        await CountAsync("SELECT count(*) FROM office_licences"),
        await CountAsync("SELECT count(*) FROM staff_members"),
        await CountAsync("SELECT count(*) FROM qualification_attempts"),
        await CountAsync("SELECT count(*) FROM outbox_messages"),
        await CountAsync("SELECT count(*) FROM office_status_changes"));

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        // Every test class has its own database but all share one Redis: keep their cached answers apart.
        settings["OfficeManagement:AuthorizationCache:KeyPrefix"] = Database;
        settings["OfficeManagement:OpenData:KeyPrefix"] = Database;
        // Tests never depend on the Development sample offices.
        settings["SampleData:Enabled"] = "false";
    }

    /// <summary>The outbox rows of events of <paramref name="eventName"/> (e.g. StaffCertified) about <paramref name="officeCode"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string eventName, string officeCode) =>
        OutboxRowsWhereAsync(
            "message_type = @type AND payload->>'officeCode' = @office",
            ("type", $"CityEServices.Contracts.Events.{eventName}"),
            ("office", officeCode));

    /// <summary>The outbox rows of events of <paramref name="eventName"/> about the person <paramref name="nationalId"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAboutAsync(string eventName, string nationalId) =>
        OutboxRowsWhereAsync(
            "message_type = @type AND payload->>'nationalId' = @person",
            ("type", $"CityEServices.Contracts.Events.{eventName}"),
            ("person", nationalId));
}
