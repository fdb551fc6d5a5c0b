namespace CityEServices.Notifications.Domain.Events;

/// <summary>
/// Every integration event of Contracts, named once: what it is called for subscribers, which scope
/// opens it, what its subject is, and where its personal data sits — or why it is internal and never
/// offered. A unit test fails when Contracts gains an event this catalog does not classify.
/// </summary>
public static class EventCatalog
{
    public const string UrbanPlanning = "urban-planning";
    public const string Archive = "archive";
    public const string Property = "property";
    public const string OfficeManagement = "office-management";

    public static IReadOnlyList<EventDescriptor> Named { get; } =
    [
        Describe<UrbanPlanningFileOpened>(UrbanPlanning, "file-opened", Scopes.UrbanPlanningRead, e => e.FileNumber,
            new PersonalField("applicantNationalId", PersonalKind.NationalId), new PersonalField("applicantMobile", PersonalKind.Mobile)),
        Describe<ServiceRequestSubmitted>(UrbanPlanning, "service-request-submitted", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<ServiceRequestStatusChanged>(UrbanPlanning, "service-request-status-changed", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<BuildingPermitIssued>(UrbanPlanning, "building-permit-issued", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<ExcavationPermitIssued>(UrbanPlanning, "excavation-permit-issued", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<WasteContractSigned>(UrbanPlanning, "waste-contract-signed", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<SupervisorAssigned>(UrbanPlanning, "supervisor-assigned", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<SupervisorReportFiled>(UrbanPlanning, "supervisor-report-filed", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<CompletionCertificateIssued>(UrbanPlanning, "completion-certificate-issued", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<ServiceRequestSlaBreached>(UrbanPlanning, "service-request-sla-breached", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<PermitRevoked>(UrbanPlanning, "permit-revoked", Scopes.UrbanPlanningRead, e => e.FileNumber),
        Describe<UrbanPlanningFileHandedOver>(UrbanPlanning, "file-handed-over", Scopes.UrbanPlanningRead, e => e.FileNumber),

        Describe<DocumentArchived>(Archive, "document-archived", Scopes.ArchiveRead,
            e => e.FileNumber ?? e.RenovationCode ?? e.DocumentId.ToString()),

        Describe<PropertyRegistered>(Property, "registered", Scopes.PropertyRead, e => e.RenovationCode,
            new PersonalField("owners[].partyId", PersonalKind.Party)),
        Describe<OwnershipTransferred>(Property, "ownership-transferred", Scopes.PropertyRead, e => e.RenovationCode,
            new PersonalField("fromNationalId", PersonalKind.Party), new PersonalField("toNationalId", PersonalKind.Party),
            new PersonalField("ownersAfter[].partyId", PersonalKind.Party)),

        // Named and kept in the event log, but no client may subscribe: the API shows offices, licences
        // and staff to admins (and an office's own manager) only, and clients never hold admin. When a
        // scope opens office data to integrators, it goes here and these become subscribable.
        Describe<OfficeLicenceChanged>(OfficeManagement, "licence-changed", null, e => e.OfficeCode),
        Describe<StaffCertified>(OfficeManagement, "staff-certified", null, e => e.OfficeCode,
            new PersonalField("nationalId", PersonalKind.NationalId)),
    ];

    /// <summary>Events between services that state no fact of their own to the outside; not consumed, never offered.</summary>
    public static IReadOnlyDictionary<Type, string> Internal { get; } = new Dictionary<Type, string>
    {
        [typeof(OfficeAuthorizationChanged)] =
            "a cache-invalidation signal between services (drop cached AuthorizeService answers); the facts behind it are "
            + "OfficeLicenceChanged and StaffCertified, and it names staff by national ID",
        [typeof(UrbanPlanningFileHoldersChanged)] =
            "tells the archive who may upload to a file as a citizen; it lists national IDs, and the public fact behind "
            + "it is the registry's OwnershipTransferred",
        [typeof(CitizenSignInCodeIssued)] =
            "a one-time sign-in code for notifications to text to the citizen (SignInCodeConsumer); a secret, never logged "
            + "as an event and never offered",
        [typeof(IssuedDocumentRendered)] =
            "carries an issued document's PDF to the archive; the fact itself is the …Issued event, and the PDF is served "
            + "to those who may read the file, never pushed to subscribers",
        [typeof(AuditHeadPublished)] =
            "each service's audit chain heads for the archive to keep (tamper evidence); bookkeeping, not a fact of the city",
    };

    private static readonly Dictionary<Type, EventDescriptor> ByEventType = Named.ToDictionary(d => d.EventType);
    private static readonly Dictionary<string, EventDescriptor> ByCloudEventType = Named.ToDictionary(d => d.CloudEventType, StringComparer.Ordinal);

    /// <summary>The CloudEvents types a client may subscribe to, in catalog order.</summary>
    public static IReadOnlyList<string> OfferedTypes { get; } = [.. Named.Where(d => d.Offered).Select(d => d.CloudEventType)];

    public static EventDescriptor For(Type eventType) =>
        ByEventType.TryGetValue(eventType, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException($"{eventType.Name} has no name in the event catalog.");

    public static EventDescriptor? Find(string cloudEventType) => ByCloudEventType.GetValueOrDefault(cloudEventType);

    private static EventDescriptor Describe<T>(string service, string name, string? scope, Func<T, string> subject, params PersonalField[] personal)
        where T : IntegrationEvent =>
        new(typeof(T), service, name, scope, e => subject((T)e), personal);
}
