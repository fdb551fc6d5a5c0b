using CityEServices.Contracts.Grpc.Property;
using Texts = CityEServices.UrbanPlanning.Infrastructure.Documents.IssuedDocumentTexts;

namespace CityEServices.UrbanPlanning.Data;

/// <summary>
/// Makes the document of a request being issued: an unguessable number, the signed QR payload, the
/// Persian PDF, the document row (superseding the file's previous document of the type) and the PDF's
/// hand-over to the archive, all staged on the caller's DbContext so they commit with the move to Issued.
/// </summary>
public sealed class DocumentIssuer(UrbanPlanningDbContext db, DocumentKeys keys, IssuedDocumentRenderer renderer, IOptions<DocumentOptions> options)
{
    /// <summary>The staged document; null for service types whose outcome is not a document.</summary>
    public async Task<IssuedDocument?> StageAsync(
        ServiceRequest request, UrbanPlanningFile file, PropertyReply property, ServiceRequest? buildingPermit, DateTimeOffset now, string? correlationId,
        CancellationToken cancellationToken)
    {
        if (!IssuedDocumentTypes.IsKnown(request.ServiceType) || !Iran.RenovationCode.TryParse(file.RenovationCode, out var renovationCode))
        {
            return null;
        }

        var ring = await keys.GetAsync(cancellationToken);
        var details = request.Details;
        // The payload carries whole seconds; the row and the PDF say the same instant.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var payload = new DocumentPayload(
            DocumentNumber.New(), request.ServiceType, renovationCode, renovationCode.District, issuedAt,
            DocumentValidity.ExpiresAt(request.ServiceType, details.Integer("durationDays"), issuedAt));
        var signed = new DocumentSigner(ring).Sign(payload);

        var holderName = property.Owners.FirstOrDefault(o => o.PartyId == file.ApplicantNationalId)?.FullName ?? string.Empty;
        var content = new IssuedDocumentContent(
            payload.Number, payload.IssuedAt, payload.ExpiresAt, renovationCode,
            new DocumentPlate(property.PlateSection, property.PlateMain, property.PlateSub),
            file.FileNumber,
            string.IsNullOrWhiteSpace(property.Address) ? null : property.Address,
            new DocumentHolder(holderName, file.ApplicantNationalId),
            new DocumentOffice(file.OfficeCode, $"دفتر خدمات الکترونیکی شهر {file.OfficeCode}"),
            Details(request.ServiceType, details, buildingPermit),
            signed,
            options.Value.VerificationUrl);
        var pdf = renderer.Render(content);

        var previous = await db.IssuedDocuments
            .Where(d => d.FileNumber == file.FileNumber && d.ServiceType == request.ServiceType && d.Status == IssuedDocumentStatus.Valid)
            .OrderByDescending(d => d.IssuedAt)
            .ToListAsync(cancellationToken);
        previous.ForEach(d => d.Supersede());

        var document = IssuedDocument.Issue(
            payload, request.Id, file.FileNumber, holderName, file.ApplicantNationalId, ring.Active!.KeyId, signed, pdf, previous.FirstOrDefault()?.Number);
        db.IssuedDocuments.Add(document);
        db.PublishOnCommit(new IssuedDocumentRendered(
            document.Number, request.Id, file.FileNumber, file.RenovationCode, request.ServiceType,
            $"{Texts.Title(request.ServiceType)} {payload.Number.Display}", document.Sha256, pdf)
        {
            OccurredAt = now,
            CorrelationId = correlationId,
        });
        return document;
    }

    private static IssuedDocumentDetails Details(string type, RequestDetails details, ServiceRequest? buildingPermit) => type switch
    {
        ServiceTypes.BuildingPermit => new BuildingPermitDetails(details.Integer("floors"), details.Decimal("areaM2") ?? 0, details.Text("usage")),
        ServiceTypes.ExcavationPermit => new ExcavationPermitDetails(
            details.Text("street"), details.Decimal("lengthM") ?? 0, details.Decimal("depthM") ?? 0, details.Integer("durationDays"), details.Decimal("restorationDepositRial")),
        ServiceTypes.WasteContract => new WasteContractDetails(details.Decimal("volumeM3") ?? 0, details.Text("hauler"), details.Text("disposalSite")),
        // What was completed is what the building permit allowed.
        ServiceTypes.CompletionCertificate => new CompletionCertificateDetails(
            buildingPermit?.IssuedNumber ?? string.Empty, buildingPermit?.Details.Integer("floors") ?? 0, buildingPermit?.Details.Decimal("areaM2") ?? 0),
        ServiceTypes.EngineeringReport => new EngineeringReportDetails(details.Text("subject")),
        _ => new NoViolationCertificateDetails(),
    };
}
