namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>Where a service request stands (DESIGN: AwaitingDocuments → Submitted → UnderReview → …).</summary>
public enum RequestStatus
{
    AwaitingDocuments,
    Submitted,
    UnderReview,
    Returned,
    Rejected,
    FeeAssessed,
    Paid,
    Issued,
}

/// <summary>What a caller asks to happen to a request (<c>POST …/requests/{id}/actions</c>).</summary>
public enum RequestAction
{
    Submit,
    Review,
    Return,
    Reject,
    AssessFee,
    Pay,
    Issue,
}
