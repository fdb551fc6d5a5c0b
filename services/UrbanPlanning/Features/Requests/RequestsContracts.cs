using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityEServices.UrbanPlanning.Features.Requests;

/// <param name="ApplicantNationalId">Optional: the owner applying (one of the file's holders: after a transfer, the new owners).</param>
public sealed record CreateRequestBody(string? ServiceType, JsonElement? Details, string? ApplicantNationalId = null);

public sealed record CreateRequestResponse(Guid RequestId, RequestStatus Status, IReadOnlyList<string> MissingDocumentCategories, int RulesVersion, DualTime? DueAt);

/// <summary>
/// <c>action</c>: review | return | reject | assessFee | pay | issue | submit. <c>reasonCode</c> (return,
/// reject): MissingDocuments | IncorrectDetails | Other. <c>receipt</c> (pay): the counter's POS terminal
/// reference, unique city-wide; <c>amount</c> (pay, optional): must be the payment order's.
/// </summary>
public sealed record RequestActionBody(string? Action, string? Note, decimal? Amount, string? Receipt, string? ReasonCode);

public sealed record TransitionResponse(DualTime At, RequestStatus? FromStatus, RequestStatus ToStatus, string Actor, string? Note, string? ReasonCode);

public sealed record RequestResponse(
    Guid RequestId,
    string FileNumber,
    string ServiceType,
    string ServiceTitleFa,
    int RulesVersion,
    RequestStatus Status,
    JsonObject Details,
    IReadOnlyList<string> MissingDocumentCategories,
    decimal? FeeRial,
    string? IssuedNumber,
    DualTime CreatedAt,
    DualTime? SubmittedAt,
    DualTime? DueAt,
    bool SlaBreached,
    IReadOnlyList<TransitionResponse> History)
{
    public static RequestResponse From(ServiceRequest request, ServiceRuleBook rules, DateTimeOffset now)
    {
        var clock = request.Clock;
        return new(
            request.Id,
            request.FileNumber,
            request.ServiceType,
            rules.Get(request.ServiceType, request.RulesVersion).TitleFa,
            request.RulesVersion,
            request.Status,
            request.Details.Values,
            request.MissingDocumentCategories,
            request.FeeRial,
            request.IssuedNumber,
            DualTime.From(request.CreatedAt),
            request.SubmittedAt is { } submitted ? DualTime.From(submitted) : null,
            clock.DueAt(now) is { } due ? DualTime.From(due) : null,
            clock.IsBreached(now),
            [.. request.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new TransitionResponse(DualTime.From(t.At), t.FromStatus, t.ToStatus, t.Actor, t.Note, t.ReasonCode))]);
    }
}
