namespace CityEServices.Archive.Domain;

public enum FixityTrigger
{
    Manual,
    Scheduled,
}

public enum FixityRunStatus
{
    /// <summary>Recorded; no replica has started it yet.</summary>
    Pending,

    /// <summary>Being checked, batch by batch; <see cref="FixityCheck.CheckedThrough"/> says how far.</summary>
    Running,

    /// <summary>Every document in its scope has been checked.</summary>
    Completed,
}

public enum FixityProblem
{
    /// <summary>The file is there but its bytes no longer hash to its address.</summary>
    Mismatch,

    /// <summary>The file the metadata refers to is gone.</summary>
    Missing,
}

/// <summary>
/// One run of the fixity check: what it covers, how far it has got, and each problem found. A run is
/// recorded first and worked through later, in batches, by whichever replica holds the fixity worker's
/// lease. It goes through the content in hash order and remembers the last hash it checked, in the same
/// transaction as that batch's findings, so a replica that takes over a run whose replica died goes on
/// from there and hashes nothing twice.
/// </summary>
public sealed class FixityCheck
{
    public Guid Id { get; init; }

    public FixityTrigger Trigger { get; init; }

    /// <summary>The dossier checked, or null for the whole store.</summary>
    public string? FileNumber { get; init; }

    /// <summary>The archivist's actor id for a manual check; <c>system:archive</c> for a scheduled one.</summary>
    public string? RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public FixityRunStatus Status { get; private set; }

    /// <summary>When a replica started working on it; documents archived after this belong to the next run.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Live documents in scope when the run started.</summary>
    public int DocumentsTotal { get; private set; }

    public int DocumentsChecked { get; private set; }

    /// <summary>The last content hash checked: the run resumes after it.</summary>
    public string? CheckedThrough { get; private set; }

    public List<FixityFinding> Findings { get; init; } = [];

    public static FixityCheck Request(FixityTrigger trigger, string? fileNumber, string requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Trigger = trigger,
        FileNumber = fileNumber,
        RequestedBy = requestedBy,
        RequestedAt = now,
        Status = FixityRunStatus.Pending,
    };

    /// <summary>The first batch is about to be checked; <paramref name="documentsTotal"/> is what the run covers.</summary>
    public void Start(DateTimeOffset now, int documentsTotal)
    {
        if (Status != FixityRunStatus.Pending)
        {
            throw new InvalidOperationException($"Fixity run {Id} is {Status}; only a pending run starts.");
        }

        Status = FixityRunStatus.Running;
        StartedAt = now;
        DocumentsTotal = documentsTotal;
    }

    /// <summary>A batch of contents, up to and including <paramref name="lastSha256"/>, checked: <paramref name="documents"/> documents, with these findings.</summary>
    public void RecordBatch(string lastSha256, int documents, IEnumerable<FixityFinding> findings)
    {
        if (Status != FixityRunStatus.Running)
        {
            throw new InvalidOperationException($"Fixity run {Id} is {Status}; only a running run records batches.");
        }

        if (lastSha256 == CheckedThrough)
        {
            // The content is visited in hash order, each batch after the last: the same end twice means
            // the same batch twice.
            throw new InvalidOperationException($"Fixity run {Id} already checked through {CheckedThrough}.");
        }

        CheckedThrough = lastSha256;
        DocumentsChecked += documents;
        Findings.AddRange(findings);
    }

    public void Complete(DateTimeOffset now)
    {
        if (Status != FixityRunStatus.Running)
        {
            throw new InvalidOperationException($"Fixity run {Id} is {Status}; only a running run completes.");
        }

        Status = FixityRunStatus.Completed;
        FinishedAt = now;
    }
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
