using CityEServices.Contracts.Security;

namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>How the caller stands towards one request's file: the roles the workflow is decided by.</summary>
[Flags]
public enum Capacity
{
    None = 0,

    /// <summary>An operator of the office the file was opened at.</summary>
    FileOperator = 1,

    /// <summary>An operator of some other office.</summary>
    ForeignOperator = 2,

    /// <summary>A reviewer of the file's district.</summary>
    FileReviewer = 4,

    /// <summary>A reviewer of another district.</summary>
    ForeignReviewer = 8,

    /// <summary>An integrator client (a bank paying a fee).</summary>
    Integrator = 16,
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
}

/// <summary>
/// The service-request state machine, pure: each action has one source state, one target state and
/// the capacities allowed to take it. Who is checked before when, so a caller who may never take an
/// action learns nothing about the request's state (403), and one who may learns it is the wrong
/// moment (409). Documents completing (AwaitingDocuments → Submitted) is not an action: the archive's
/// events drive it (see <see cref="ServiceRequest.CompleteDocuments"/>).
/// </summary>
public static class RequestWorkflow
{
    public sealed record Step(RequestStatus From, RequestStatus To, Capacity AllowedTo);

    public static readonly IReadOnlyDictionary<RequestAction, Step> Steps = new Dictionary<RequestAction, Step>
    {
        // The operator resubmits what the reviewer returned, once the citizen has fixed it.
        [RequestAction.Submit] = new(RequestStatus.Returned, RequestStatus.Submitted, Capacity.FileOperator),
        [RequestAction.Review] = new(RequestStatus.Submitted, RequestStatus.UnderReview, Capacity.FileReviewer),
        [RequestAction.Return] = new(RequestStatus.UnderReview, RequestStatus.Returned, Capacity.FileReviewer),
        [RequestAction.Reject] = new(RequestStatus.UnderReview, RequestStatus.Rejected, Capacity.FileReviewer),
        [RequestAction.AssessFee] = new(RequestStatus.UnderReview, RequestStatus.FeeAssessed, Capacity.FileReviewer),
        // The operator pays at the counter on the citizen's behalf, or a bank reports the payment.
        [RequestAction.Pay] = new(RequestStatus.FeeAssessed, RequestStatus.Paid, Capacity.FileOperator | Capacity.Integrator),
        [RequestAction.Issue] = new(RequestStatus.Paid, RequestStatus.Issued, Capacity.FileReviewer),
    };

    public static bool IsFinal(RequestStatus status) => status is RequestStatus.Issued or RequestStatus.Rejected;

    public static Capacity CapacityOf(Caller caller, string fileOfficeCode, int fileDistrict)
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
            capacity |= caller.District == fileDistrict ? Capacity.FileReviewer : Capacity.ForeignReviewer;
        }

        if (caller.IsIn(Roles.Integrator))
        {
            capacity |= Capacity.Integrator;
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
        // The nearest miss explains best: a reviewer of the wrong district, an operator of the wrong office.
        if (allowed.HasFlag(Capacity.FileReviewer) && capacity.HasFlag(Capacity.ForeignReviewer))
        {
            return WorkflowDecision.Forbidden(DenialReasons.NotFileDistrict, $"Only a reviewer of the file's district may {Name(action)} this request.");
        }

        if (allowed.HasFlag(Capacity.FileOperator) && capacity.HasFlag(Capacity.ForeignOperator))
        {
            return WorkflowDecision.Forbidden(DenialReasons.NotFileOffice, $"Only an operator of the office that holds the file may {Name(action)} this request.");
        }

        var who = allowed switch
        {
            Capacity.FileReviewer => "a district reviewer",
            Capacity.FileOperator => "an office operator",
            _ => "an office operator or an integrator",
        };
        return WorkflowDecision.Forbidden(DenialReasons.RoleNotAllowed, $"Only {who} may {Name(action)} a request.");
    }

    public static string Name(RequestAction action) => action switch
    {
        RequestAction.AssessFee => "assessFee",
        _ => action.ToString().ToLowerInvariant(),
    };
}
