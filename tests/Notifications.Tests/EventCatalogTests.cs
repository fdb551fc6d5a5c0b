using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.Domain.Events;

namespace CityEServices.Notifications.Tests;

public class EventCatalogTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Every event's name, pinned: a subscriber's code matches on these strings, so changing one is a breaking change.</summary>
    public static TheoryData<Type, string> PinnedNames => new()
    {
        { typeof(UrbanPlanningFileOpened), "ir.tehran.city.urban-planning.file-opened" },
        { typeof(ServiceRequestSubmitted), "ir.tehran.city.urban-planning.service-request-submitted" },
        { typeof(ServiceRequestStatusChanged), "ir.tehran.city.urban-planning.service-request-status-changed" },
        { typeof(BuildingPermitIssued), "ir.tehran.city.urban-planning.building-permit-issued" },
        { typeof(ServiceRequestSlaBreached), "ir.tehran.city.urban-planning.service-request-sla-breached" },
        { typeof(PermitRevoked), "ir.tehran.city.urban-planning.permit-revoked" },
        { typeof(UrbanPlanningFileHandedOver), "ir.tehran.city.urban-planning.file-handed-over" },
        { typeof(ExcavationPermitIssued), "ir.tehran.city.urban-planning.excavation-permit-issued" },
        { typeof(WasteContractSigned), "ir.tehran.city.urban-planning.waste-contract-signed" },
        { typeof(SupervisorAssigned), "ir.tehran.city.urban-planning.supervisor-assigned" },
        { typeof(SupervisorReportFiled), "ir.tehran.city.urban-planning.supervisor-report-filed" },
        { typeof(CompletionCertificateIssued), "ir.tehran.city.urban-planning.completion-certificate-issued" },
        { typeof(DocumentArchived), "ir.tehran.city.archive.document-archived" },
        { typeof(PropertyRegistered), "ir.tehran.city.property.registered" },
        { typeof(OwnershipTransferred), "ir.tehran.city.property.ownership-transferred" },
        { typeof(OfficeLicenceChanged), "ir.tehran.city.office-management.licence-changed" },
        { typeof(StaffCertified), "ir.tehran.city.office-management.staff-certified" },
    };

    private static IEnumerable<Type> ContractsEvents() =>
        typeof(IntegrationEvent).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IntegrationEvent).IsAssignableFrom(t));

    [Fact]
    public void Every_event_in_Contracts_is_named_or_declared_internal_never_both()
    {
        var named = EventCatalog.Named.Select(d => d.EventType).ToHashSet();
        var unclassified = ContractsEvents().Where(t => !named.Contains(t) && !EventCatalog.Internal.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(unclassified.Count == 0,
            $"Contracts events without a name for subscribers: {string.Join(", ", unclassified)}. Add each to EventCatalog.Named (with its name, scope, subject and personal data) or, if it is a signal between services, to EventCatalog.Internal with the reason.");
        Assert.Empty(named.Intersect(EventCatalog.Internal.Keys));
    }

    [Fact]
    public void Every_event_in_Contracts_has_its_name_pinned_here()
    {
        var pinned = PinnedNames.Select(row => (Type)row[0]).ToHashSet();
        var unpinned = ContractsEvents().Where(t => !pinned.Contains(t) && !EventCatalog.Internal.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(unpinned.Count == 0, $"Pin the CloudEvents type of {string.Join(", ", unpinned)} in PinnedNames.");
    }

    [Theory]
    [MemberData(nameof(PinnedNames))]
    public void Each_event_has_its_pinned_name(Type eventType, string cloudEventType) =>
        Assert.Equal(cloudEventType, EventCatalog.For(eventType).CloudEventType);

    [Fact]
    public void Names_follow_the_rule_service_then_event_in_kebab_case_without_the_service_name()
    {
        foreach (var descriptor in EventCatalog.Named)
        {
            Assert.Matches(@"^ir\.tehran\.city\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$", descriptor.CloudEventType);
            Assert.Equal($"/cityeservices/{descriptor.Service}", descriptor.Source);
        }

        // The event's own service is not repeated in its name.
        Assert.DoesNotContain(EventCatalog.Named, d => d.Name.Contains(d.Service, StringComparison.Ordinal) && d.Service != EventCatalog.Archive);
        Assert.Equal(EventCatalog.Named.Count, EventCatalog.Named.Select(d => d.CloudEventType).Distinct().Count());
    }

    [Fact]
    public void The_authorisation_cache_signal_is_internal_and_not_offered()
    {
        Assert.True(EventCatalog.Internal.ContainsKey(typeof(OfficeAuthorizationChanged)));
        Assert.DoesNotContain(EventCatalog.OfferedTypes, t => t.Contains("authorization", StringComparison.Ordinal));
    }

    [Fact]
    public void Scopes_open_events_as_the_API_opens_their_facts()
    {
        foreach (var descriptor in EventCatalog.Named)
        {
            var expected = descriptor.Service switch
            {
                EventCatalog.UrbanPlanning => Scopes.UrbanPlanningRead,
                EventCatalog.Archive => Scopes.ArchiveRead,
                EventCatalog.Property => Scopes.PropertyRead,
                // Offices, licences and staff are admin reads; clients never hold admin.
                EventCatalog.OfficeManagement => null,
                _ => throw new InvalidOperationException(descriptor.Service),
            };
            Assert.Equal(expected, descriptor.RequiredScope);
        }

        Assert.Equal(15, EventCatalog.OfferedTypes.Count);
    }

    [Fact]
    public void The_subject_is_the_file_number_where_there_is_one_else_the_renovation_code_else_the_document_id()
    {
        var document = Guid.NewGuid();
        Assert.Equal("22001840320", Subject(new UrbanPlanningFileOpened("22001840320", "22-1-2-3-0-0-0", 22, "S22A", "0076229645", "user:1") { OccurredAt = At }));
        Assert.Equal("22001840320", Subject(new BuildingPermitIssued(Guid.NewGuid(), "22001840320", "22-1-2-3-0-0-0", "BP-22001840320-01", 4, 600, "Residential") { OccurredAt = At }));
        Assert.Equal("22001840320", Subject(new DocumentArchived(document, "PERMIT", "22-1-2-3-0-0-0", "22001840320", "ab", 10, 1) { OccurredAt = At }));
        Assert.Equal("22-1-2-3-0-0-0", Subject(new DocumentArchived(document, "LEGACY_SCAN", "22-1-2-3-0-0-0", null, "ab", 10, 1) { OccurredAt = At }));
        Assert.Equal(document.ToString(), Subject(new DocumentArchived(document, "LEGACY_SCAN", null, null, "ab", 10, 1) { OccurredAt = At }));
        Assert.Equal("5-12-345-6-0-0-0", Subject(new PropertyRegistered("5-12-345-6-0-0-0", 5, []) { OccurredAt = At }));
        Assert.Equal("5-12-345-6-0-0-0", Subject(new OwnershipTransferred("5-12-345-6-0-0-0", "0076229645", "1583250689", "6") { OccurredAt = At }));
    }

    private static string Subject(IntegrationEvent e) => EventCatalog.For(e.GetType()).SubjectOf(e);
}
