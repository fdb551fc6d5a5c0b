namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// How the caller stands towards one request's file: the roles the workflow is decided by. Whether a
/// reviewer is of the file's district, and whether an operator's office may act now, is the by-law's
/// question (<c>OfficeAuthorizations</c>), asked after this one.
/// </summary>
[Flags]
public enum Capacity
{
    None = 0,

    /// <summary>An operator of the office the file was opened at.</summary>
    FileOperator = 1,

    /// <summary>An operator of some other office.</summary>
    ForeignOperator = 2,

    /// <summary>A district reviewer (of any district: the by-law check asks which).</summary>
    Reviewer = 4,
}

/// <summary>The workflow's answer: the state to move to, or why not (403 for who, 409 for when).</summary>
public sealed record WorkflowDecision(RequestStatus? To, int StatusCode, string? Reason, string? Detail)
{
    public bool Allowed => To is not null;

    public static WorkflowDecision Move(RequestStatus to) => new(to, 200, null, null);

    public static WorkflowDecision Forbidden(string reason, string detail) => new(null, 403, reason, detail);

    public static WorkflowDecision Conflict(string detail) => new(null, 409, WorkflowReasons.InvalidTransition, detail);
}

public static class WorkflowReasons
{
    public const string InvalidTransition = "InvalidTransition";

    /// <summary>409: nothing is issued for a property under legal hold.</summary>
    public const string LegalHold = "LegalHold";
}

/// <summary>
/// The service-request state machine, pure: each action has one source state, one target state and
/// the capacities allowed to take it. Who is checked before when, so a caller who may never take an
/// action learns nothing about the request's state (403), and one who may learns it is the wrong
/// moment (409). The use case asks the by-law (office authorised, reviewer's district) between the
/// two, so a refusal by the by-law is a 403 before any 409 as well. Documents completing (AwaitingDocuments → Submitted) is not an action: the archive's
/// events drive it (see <see cref="ServiceRequest.CompleteDocuments"/>).
/// </summary>
public static class RequestWorkflow
{
    public sealed record Step(RequestStatus From, RequestStatus To, Capacity AllowedTo);

    public static readonly IReadOnlyDictionary<RequestAction, Step> Steps = new Dictionary<RequestAction, Step>
    {
        // The operator resubmits what the reviewer returned, once the citizen has fixed it.
        [RequestAction.Submit] = new(RequestStatus.Returned, RequestStatus.Submitted, Capacity.FileOperator),
        [RequestAction.Review] = new(RequestStatus.Submitted, RequestStatus.UnderReview, Capacity.Reviewer),
        [RequestAction.Return] = new(RequestStatus.UnderReview, RequestStatus.Returned, Capacity.Reviewer),
        [RequestAction.Reject] = new(RequestStatus.UnderReview, RequestStatus.Rejected, Capacity.Reviewer),
        [RequestAction.AssessFee] = new(RequestStatus.UnderReview, RequestStatus.FeeAssessed, Capacity.Reviewer),
        // The operator records a payment made at the counter's POS terminal. Banks confirm theirs through
        // the payment order (POST /api/payments/{orderId}/confirmations), never through this action.
        [RequestAction.Pay] = new(RequestStatus.FeeAssessed, RequestStatus.Paid, Capacity.FileOperator),
        [RequestAction.Issue] = new(RequestStatus.Paid, RequestStatus.Issued, Capacity.Reviewer),
    };

    public static bool IsFinal(RequestStatus status) => status is RequestStatus.Issued or RequestStatus.Rejected;

    /// <summary>Whether the action is a reviewer's (checked against the file's district) rather than an operator's (checked with office management).</summary>
    public static bool IsReviewers(RequestAction action) => Steps[action].AllowedTo == Capacity.Reviewer;

    public static Capacity CapacityOf(Caller caller, string fileOfficeCode)
    {
        var capacity = Capacity.None;
        if (caller.IsIn(Roles.OfficeOperator))
        {
            capacity |= string.Equals(caller.OfficeCode, fileOfficeCode, StringComparison.OrdinalIgnoreCase)
                ? Capacity.FileOperator
                : Capacity.ForeignOperator;
        }

        if (caller.IsIn(Roles.DistrictReviewer))
        {
            capacity |= Capacity.Reviewer;
        }

        return capacity;
    }

    public static WorkflowDecision Decide(RequestStatus from, RequestAction action, Capacity capacity)
    {
        var step = Steps[action];
        if ((capacity & step.AllowedTo) == Capacity.None)
        {
            return Refuse(action, step.AllowedTo, capacity);
        }

        return from == step.From
            ? WorkflowDecision.Move(step.To)
            : WorkflowDecision.Conflict($"A request that is {from} cannot be given '{Name(action)}'; that needs a request that is {step.From}.");
    }

    private static WorkflowDecision Refuse(RequestAction action, Capacity allowed, Capacity capacity)
    {
        // The nearest miss explains best: an operator of the wrong office.
        if (allowed.HasFlag(Capacity.FileOperator) && capacity.HasFlag(Capacity.ForeignOperator))
        {
            return WorkflowDecision.Forbidden(DenialReasons.NotFileOffice, $"Only an operator of the office that holds the file may {Name(action)} this request.");
        }

        var who = allowed == Capacity.Reviewer ? "a district reviewer" : "an office operator";
        return WorkflowDecision.Forbidden(DenialReasons.RoleNotAllowed, $"Only {who} may {Name(action)} a request.");
    }

    public static string Name(RequestAction action) => action switch
    {
        RequestAction.AssessFee => "assessFee",
        _ => action.ToString().ToLowerInvariant(),
    };
}
