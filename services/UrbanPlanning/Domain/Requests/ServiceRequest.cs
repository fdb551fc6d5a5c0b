namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// A service request in an urban-planning file: its type, the rules version it is judged by, its
/// details, the documents still missing, its state, its SLA clock and every transition it made.
/// </summary>
public sealed class ServiceRequest
{
    private readonly List<RequestTransition> _transitions = [];

    private ServiceRequest()
    {
    }

    public Guid Id { get; private set; }

    public string FileNumber { get; private set; } = null!;

    public string ServiceType { get; private set; } = null!;

    public int RulesVersion { get; private set; }

    public string DetailsJson { get; private set; } = "{}";

    public RequestStatus Status { get; private set; }

    public List<string> MissingDocumentCategories { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = null!;

    /// <summary>The owner who applied, when the operator named one (null for requests made before owners were named).</summary>
    public string? ApplicantNationalId { get; private set; }

    public int SlaDays { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public TimeSpan ReturnedTime { get; private set; }

    public DateTimeOffset? ReturnedSince { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The due date as of the last move, kept so queues can order by it and the SLA sweeper can find
    /// requests past it in SQL: exact while the clock runs, a lower bound while it is paused (the
    /// <see cref="Clock"/> is the truth). Null before submission.
    /// </summary>
    public DateTimeOffset? DueAt { get; private set; }

    public decimal? FeeRial { get; private set; }

    public string? PaymentReceipt { get; private set; }

    /// <summary>Permit, contract or certificate number, given when the request is issued.</summary>
    public string? IssuedNumber { get; private set; }

    /// <summary>PostgreSQL's xmin: two actions racing on one request cannot both win.</summary>
    public uint RowVersion { get; private set; }

    public IReadOnlyList<RequestTransition> Transitions => _transitions;

    public SlaClock Clock => new(SlaDays, SubmittedAt, ReturnedTime, ReturnedSince, ClosedAt);

    public RequestDetails Details => RequestDetails.Parse(DetailsJson);

    /// <summary>
    /// A new request. With <paramref name="missing"/> empty it starts Submitted (the archive already
    /// holds everything: the citizen is not asked twice), else AwaitingDocuments.
    /// </summary>
    public static ServiceRequest Create(
        Guid id, string fileNumber, ServiceRule rule, RequestDetails details, IEnumerable<string> missing, string actor, DateTimeOffset at, string? applicantNationalId = null)
    {
        var request = new ServiceRequest
        {
            Id = id,
            FileNumber = fileNumber,
            ServiceType = rule.ServiceType,
            RulesVersion = rule.Version,
            DetailsJson = details.ToJson(),
            MissingDocumentCategories = [.. missing.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CreatedAt = at,
            CreatedBy = actor,
            ApplicantNationalId = applicantNationalId,
            SlaDays = rule.SlaDays,
        };
        var initial = request.MissingDocumentCategories.Count == 0 ? RequestStatus.Submitted : RequestStatus.AwaitingDocuments;
        request.Status = initial;
        request.SetClock(request.Clock.Moved(RequestStatus.AwaitingDocuments, initial, at), at);
        request._transitions.Add(new RequestTransition(id, null, initial, actor, at,
            initial == RequestStatus.Submitted ? "All required documents are already in the archive." : $"Waiting for: {string.Join(", ", request.MissingDocumentCategories)}.",
            null));
        return request;
    }

    /// <summary>Applies a move the workflow allowed; records who, when, why, from and to.</summary>
    public RequestTransition MoveTo(RequestStatus to, string actor, DateTimeOffset at, string? note, string? reasonCode)
    {
        var from = Status;
        SetClock(Clock.Moved(from, to, at), at);
        Status = to;
        var transition = new RequestTransition(Id, from, to, actor, at, note, reasonCode);
        _transitions.Add(transition);
        return transition;
    }

    /// <summary>
    /// The archive now holds <paramref name="category"/>. Returns the transition when that completed
    /// the set and the request moved on to Submitted by itself (recorded as done by <paramref name="actor"/>,
    /// the service acting on the archive's event); null otherwise.
    /// </summary>
    public RequestTransition? DocumentArrived(string category, string actor, DateTimeOffset at)
    {
        if (Status != RequestStatus.AwaitingDocuments || !MissingDocumentCategories.Contains(category))
        {
            return null;
        }

        MissingDocumentCategories = [.. MissingDocumentCategories.Where(c => c != category)];
        return MissingDocumentCategories.Count == 0
            ? MoveTo(RequestStatus.Submitted, actor, at, "The last required document was archived.", null)
            : null;
    }

    public void AssessFee(decimal feeRial) => FeeRial = feeRial;

    public void RecordPayment(string receipt) => PaymentReceipt = receipt;

    public void RecordIssued(string number) => IssuedNumber = number;

    private void SetClock(SlaClock clock, DateTimeOffset at)
    {
        DueAt = clock.DueAt(at);
        SubmittedAt = clock.StartedAt;
        ReturnedTime = clock.Paused;
        ReturnedSince = clock.PausedSince;
        ClosedAt = clock.StoppedAt;
    }
}

/// <summary>One recorded move of a request: the audit trail and the citizen's timeline.</summary>
public sealed class RequestTransition(Guid requestId, RequestStatus? fromStatus, RequestStatus toStatus, string actor, DateTimeOffset at, string? note, string? reasonCode)
{
    public long Id { get; private set; }

    public Guid RequestId { get; private set; } = requestId;

    /// <summary>Null for the request's creation.</summary>
    public RequestStatus? FromStatus { get; private set; } = fromStatus;

    public RequestStatus ToStatus { get; private set; } = toStatus;

    /// <summary>Who made the move, as an id (<c>user:…</c>, <c>client:…</c>, <c>system:urbanplanning</c>), never a display name.</summary>
    public string Actor { get; private set; } = actor;

    public DateTimeOffset At { get; private set; } = at;

    public string? Note { get; private set; } = note;

    public string? ReasonCode { get; private set; } = reasonCode;
}
