namespace CityEServices.Archive.Domain;

public enum FixityTrigger
{
    Manual,
    Scheduled,
}

public enum FixityProblem
{
    /// <summary>The file is there but its bytes no longer hash to its address.</summary>
    Mismatch,

    /// <summary>The file the metadata refers to is gone.</summary>
    Missing,
}

/// <summary>One run of the fixity check: what it covered, how many it re-hashed, and each problem found.</summary>
public sealed class FixityCheck
{
    public Guid Id { get; init; }

    public FixityTrigger Trigger { get; init; }

    /// <summary>The dossier checked, or null for the whole store.</summary>
    public string? FileNumber { get; init; }

    /// <summary>The archivist's actor id for a manual check; <c>system:archive</c> for a scheduled one.</summary>
    public string? RequestedBy { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; set; }

    public int DocumentsChecked { get; set; }

    public List<FixityFinding> Findings { get; init; } = [];
}

public sealed class FixityFinding
{
    public long Id { get; init; }

    public Guid CheckId { get; init; }

    public Guid DocumentId { get; init; }

    public required string ExpectedSha256 { get; init; }

    /// <summary>What the stored bytes hash to now; null when the file is missing.</summary>
    public string? ActualSha256 { get; init; }

    public FixityProblem Problem { get; init; }
}
