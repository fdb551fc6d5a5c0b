namespace CityEServices.Archive.Features.Documents;

/// <summary>
/// The multipart upload as the contract describes it. The endpoint streams the body itself (see
/// UploadReader) rather than binding this type, so the parts are named here only for the OpenAPI
/// document and the clients generated from it; UploadMetadata holds the rules.
/// </summary>
public sealed record UploadForm(
    IFormFile File,
    string Category,
    string Title,
    string? FileNumber,
    string? RenovationCode,
    DocumentSource? Source,
    string? ScannedDate);
