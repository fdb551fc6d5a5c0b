namespace CityEServices.Contracts.Events;

public sealed record UrbanPlanningFileOpened(
    string FileNumber,
    string RenovationCode,
    int District,
    string OfficeCode,
    string ApplicantNationalId,
    string OpenedBy) : IntegrationEvent;

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
    bool SlaBreached) : IntegrationEvent;

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
