namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>Why an upload was refused before any metadata was looked at.</summary>
public enum UploadRefusal
{
    NotMultipart,
    UnsupportedContent,
    TooLarge,
    Malformed,
}

/// <summary>The parts of one multipart upload: the form fields, and the file staged in the store's temp folder.</summary>
public sealed class ParsedUpload : IDisposable
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public StagedContent? File { get; set; }

    public ContentKind? Kind { get; set; }

    public UploadRefusal? Refusal { get; set; }

    public string? RefusalDetail { get; set; }

    public void Dispose() => File?.Dispose();

    /// <summary>Drops whatever was staged and records why the upload stops here.</summary>
    public ParsedUpload Refuse(UploadRefusal refusal, string detail)
    {
        Refusal = refusal;
        RefusalDetail = detail;
        File?.Dispose();
        File = null;
        return this;
    }
}
