namespace CityEServices.Archive.Infrastructure.Storage;

public sealed class ArchiveStorageOptions
{
    /// <summary>Folder of the content-addressed store (Archive:ContentRoot); the AppHost puts it under the local data folder.</summary>
    public string ContentRoot { get; set; } = Path.Combine(Path.GetTempPath(), "cityeservices-archive");

    /// <summary>Largest document accepted, in bytes (Archive:MaxDocumentBytes); beyond it the upload is a 413.</summary>
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;
}
