namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// Everything printed on an issued document, as the service will fill it when a request is issued. The
/// type follows from <see cref="Details"/>; the district from the renovation code.
/// </summary>
/// <param name="Number">The document number (also inside the signed payload).</param>
/// <param name="IssuedAt">When it was issued; printed as the Solar Hijri date in Tehran.</param>
/// <param name="ExpiresAt">When it stops being valid; null for documents that do not expire.</param>
/// <param name="RenovationCode">The property's renovation code.</param>
/// <param name="Plate">The land-registry plate, three numbers printed as three labelled fields.</param>
/// <param name="FileNumber">The urban-planning file the request belongs to.</param>
/// <param name="Address">The property's address, or null.</param>
/// <param name="Holder">Who the document is issued to; the national ID is printed masked.</param>
/// <param name="Office">The e-service office that issued it.</param>
/// <param name="Details">The type-specific part.</param>
/// <param name="SignedPayload">The QR text from <see cref="DocumentSigner"/>.</param>
/// <param name="VerificationUrl">The public page where anyone can check it, e.g. <c>https://…/verify</c>.</param>
public sealed record IssuedDocumentContent(
    DocumentNumber Number,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    RenovationCode RenovationCode,
    DocumentPlate Plate,
    string FileNumber,
    string? Address,
    DocumentHolder Holder,
    DocumentOffice Office,
    IssuedDocumentDetails Details,
    string SignedPayload,
    string VerificationUrl)
{
    public string Type => Details.Type;

    public int District => RenovationCode.District;
}

/// <summary>پلاک ثبتی: بخش، اصلی، فرعی (sub 0 when the parcel was never divided).</summary>
public sealed record DocumentPlate(int Section, int Main, int Sub);

/// <summary>The holder: a person (10-digit national ID) or an organisation (11-digit national identifier).</summary>
public sealed record DocumentHolder(string FullName, string NationalId);

public sealed record DocumentOffice(string Code, string Name);

/// <summary>The type-specific part of an issued document; one record per type.</summary>
public abstract record IssuedDocumentDetails
{
    public abstract string Type { get; }
}

/// <param name="Usage">One of the property usages: Residential, Commercial, Mixed, Administrative, Industrial, GreenSpace.</param>
public sealed record BuildingPermitDetails(int Floors, decimal AreaM2, string Usage) : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.BuildingPermit;
}

public sealed record ExcavationPermitDetails(string Street, decimal LengthM, decimal DepthM, int DurationDays, decimal? RestorationDepositRial) : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.ExcavationPermit;
}

public sealed record WasteContractDetails(decimal VolumeM3, string Hauler, string DisposalSite) : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.WasteContract;
}

/// <param name="BuildingPermitNumber">The permit whose construction this certifies as completed (a document number, or an older permit's number as it was issued).</param>
public sealed record CompletionCertificateDetails(string BuildingPermitNumber, int Floors, decimal AreaM2) : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.CompletionCertificate;
}

public sealed record NoViolationCertificateDetails : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.NoViolationCertificate;
}

/// <param name="Subject">What the report is about, as the applicant asked (up to 500 characters).</param>
public sealed record EngineeringReportDetails(string Subject) : IssuedDocumentDetails
{
    public override string Type => ServiceTypes.EngineeringReport;
}
