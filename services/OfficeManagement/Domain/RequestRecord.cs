namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// What scorecards need to know about one service request handled at an office, folded from urban
/// planning's events. Every fold is order-tolerant (events of two queues may arrive either way round)
/// and the inbox makes each event count once.
/// </summary>
public sealed class RequestRecord
{
    private RequestRecord()
    {
    }

    public Guid RequestId { get; private set; }

    /// <summary>As the event gives it; not a foreign key, an event is a fact even about an office we no longer list.</summary>
    public string OfficeCode { get; private set; } = string.Empty;

    public string ServiceType { get; private set; } = string.Empty;

    public string FileNumber { get; private set; } = string.Empty;

    /// <summary>
    /// When the turnaround clock started: the move from AwaitingDocuments to Submitted when the request
    /// had to wait for documents, else ServiceRequestSubmitted. A resubmission after a return does not restart it.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public string? Status { get; private set; }

    public DateTimeOffset? StatusAt { get; private set; }

    public int ReturnCount { get; private set; }

    /// <summary>Returned at least once with the reason code MissingDocuments: not first-time-right.</summary>
    public bool ReturnedForMissingDocuments { get; private set; }

    public bool Rejected { get; private set; }

    public bool SlaBreached { get; private set; }

    /// <summary>The fee collected when the request was paid (the first payment's; a request is paid once).</summary>
    public decimal? FeePaidRial { get; private set; }

    /// <summary>
    /// Optimistic concurrency token (PostgreSQL xmin). A backstop: the consumers lock the row
    /// (<c>LockRequestAsync</c>), so two events of one request are applied one after the other.
    /// </summary>
    public uint Version { get; private set; }

    public static RequestRecord Start(Guid requestId, string officeCode, string serviceType, string fileNumber) => new()
    {
        RequestId = requestId,
        OfficeCode = officeCode,
        ServiceType = serviceType,
        FileNumber = fileNumber,
    };

    /// <summary>Started AwaitingDocuments: its clock starts when the documents are complete.</summary>
    public bool WaitedForDocuments { get; private set; }

    public void Apply(ServiceRequestSubmitted submitted)
    {
        if (!WaitedForDocuments && (SubmittedAt is null || submitted.OccurredAt < SubmittedAt))
        {
            SubmittedAt = submitted.OccurredAt;
        }

        Touch(RequestStatuses.Submitted, submitted.OccurredAt);
    }

    public void Apply(ServiceRequestStatusChanged changed)
    {
        if (changed.FromStatus == RequestStatuses.AwaitingDocuments && changed.ToStatus == RequestStatuses.Submitted)
        {
            // The documents were completed: the clock starts now, whatever the creation event said.
            if (!WaitedForDocuments || SubmittedAt is null || changed.OccurredAt < SubmittedAt)
            {
                SubmittedAt = changed.OccurredAt;
            }

            WaitedForDocuments = true;
        }

        switch (changed.ToStatus)
        {
            case RequestStatuses.Returned:
                ReturnCount++;
                ReturnedForMissingDocuments |= changed.ReasonCode == ReturnReasons.MissingDocuments;
                break;
            case RequestStatuses.Rejected:
                Rejected = true;
                break;
            case RequestStatuses.Paid:
                FeePaidRial ??= changed.FeeRial;
                break;
            case RequestStatuses.Issued:
                IssuedAt = IssuedAt is { } earlier && earlier < changed.OccurredAt ? earlier : changed.OccurredAt;
                break;
        }

        SlaBreached |= changed.SlaBreached;
        Touch(changed.ToStatus, changed.OccurredAt);
    }

    private void Touch(string status, DateTimeOffset at)
    {
        if (StatusAt is null || at >= StatusAt)
        {
            Status = status;
            StatusAt = at;
        }
    }
}

/// <summary>Urban planning's request statuses as its events spell them (the names of its state machine).</summary>
public static class RequestStatuses
{
    public const string AwaitingDocuments = "AwaitingDocuments";
    public const string Submitted = "Submitted";
    public const string Returned = "Returned";
    public const string Rejected = "Rejected";
    public const string Paid = "Paid";
    public const string Issued = "Issued";
}
