namespace CityEServices.Contracts.Events;

public sealed record UrbanPlanningFileOpened(
    string FileNumber,
    string RenovationCode,
    int District,
    string OfficeCode,
    string ApplicantNationalId,
    string OpenedBy) : IntegrationEvent
{
    /// <summary>The applicant's mobile (<c>+989…</c>) for SMS about the file, when they gave one.</summary>
    public string? ApplicantMobile { get; init; }

    /// <summary>The citizen's tracking code, which SMS messages quote.</summary>
    public string? TrackingCode { get; init; }
}

public sealed record ServiceRequestSubmitted(
    Guid RequestId,
    string FileNumber,
    string ServiceType,
    string OfficeCode,
    DateTimeOffset DueAt) : IntegrationEvent;

public sealed record ServiceRequestStatusChanged(
    Guid RequestId,
    string FileNumber,
    string ServiceType,
    string OfficeCode,
    string FromStatus,
    string ToStatus,
    string Actor,
    string? Reason,
    bool SlaBreached) : IntegrationEvent
{
    /// <summary>
    /// Why a request was returned or rejected, as a code consumers can count on
    /// (<see cref="ReturnReasons"/>); scorecards need "returned for missing documents" without parsing notes.
    /// </summary>
    public string? ReasonCode { get; init; }

    /// <summary>When the request is due under its type's SLA (time spent Returned does not count).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The request's assessed fee in rials, once assessed: a move to Paid means it was collected (open data counts it).</summary>
    public decimal? FeeRial { get; init; }
}

/// <summary>Machine-readable reasons carried by <see cref="ServiceRequestStatusChanged.ReasonCode"/>.</summary>
public static class ReturnReasons
{
    public const string MissingDocuments = "MissingDocuments";
    public const string IncorrectDetails = "IncorrectDetails";
    public const string Other = "Other";
}

public sealed record BuildingPermitIssued(
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string PermitNumber,
    int Floors,
    decimal BuildingAreaM2,
    string Usage) : IntegrationEvent;

public sealed record ExcavationPermitIssued(
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string PermitNumber,
    string Street,
    decimal LengthM,
    decimal DepthM,
    int DurationDays) : IntegrationEvent;

public sealed record WasteContractSigned(
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string ContractNumber,
    decimal VolumeM3,
    string Hauler,
    string DisposalSite) : IntegrationEvent;

public sealed record SupervisorAssigned(
    string FileNumber,
    string RenovationCode,
    string PermitNumber,
    string EngineerLicenceNumber) : IntegrationEvent;

public sealed record SupervisorReportFiled(
    string FileNumber,
    string RenovationCode,
    string EngineerLicenceNumber,
    string Stage,
    Guid DocumentId) : IntegrationEvent;

public sealed record CompletionCertificateIssued(
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string CertificateNumber,
    int Floors,
    decimal BuildingAreaM2) : IntegrationEvent;

/// <summary>
/// An issued document (permit, contract, certificate, report) was revoked: verification answers
/// <c>revoked</c> for <see cref="DocumentNumber"/> from now on.
/// </summary>
public sealed record PermitRevoked(
    string DocumentNumber,
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string ServiceType,
    string Reason,
    string RevokedBy) : IntegrationEvent;

/// <summary>
/// The Persian PDF of an issued document, for the archive to keep under category PERMIT. It travels
/// through the outbox with the issue itself, so it is delivered (retried until the broker confirms)
/// even when the archive is down at the moment of issuing.
/// </summary>
public sealed record IssuedDocumentRendered(
    string DocumentNumber,
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    string ServiceType,
    string Title,
    string Sha256,
    byte[] Pdf) : IntegrationEvent;

/// <summary>
/// Another office took the file up by applying on it (files belong to the property; any licensed office
/// may act): from now on <see cref="ToOfficeCode"/> acts on it and archives its scans.
/// </summary>
public sealed record UrbanPlanningFileHandedOver(
    string FileNumber,
    string RenovationCode,
    int District,
    string FromOfficeCode,
    string ToOfficeCode) : IntegrationEvent;

/// <summary>
/// Who may track the file, apply on it and upload to it as a citizen changed (the property's owners after
/// a transfer). Between services only: it lists national IDs, and the public fact is the registry's
/// <see cref="OwnershipTransferred"/>.
/// </summary>
public sealed record UrbanPlanningFileHoldersChanged(
    string FileNumber,
    string RenovationCode,
    IReadOnlyList<string> HolderNationalIds) : IntegrationEvent;
