using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// review | return | reject | assessFee | pay | issue | submit: each only by its role (403) and only
/// from its state (409), recorded and announced in one commit.
/// </summary>
public sealed class ActOnRequest(UrbanPlanningDbContext db, ServiceRuleBook rules, RequestWriter writer, TimeProvider time)
{
    public async Task<Outcome<RequestResponse>> HandleAsync(Guid requestId, RequestActionBody body, Caller caller, CancellationToken cancellationToken)
    {
        if (!RequestActionRules.TryValidate(body.Action, body.Note, body.Amount, body.Receipt, body.ReasonCode, out var action, out var errors))
        {
            return Problem.Invalid(errors);
        }

        if (await db.FindRequestAsync(requestId, forUpdate: true, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        var decision = RequestWorkflow.Decide(request.Status, action.Action, RequestWorkflow.CapacityOf(caller, file.OfficeCode, file.District));
        if (!decision.Allowed)
        {
            return decision.StatusCode == StatusCodes.Status403Forbidden
                ? Problem.Forbidden(decision.Reason!, decision.Detail!)
                : Problem.Conflict(decision.Reason!, "The request is not in a state that allows this action.", decision.Detail!)
                    .With("requestStatus", request.Status.ToString());
        }

        var note = action.Note;
        switch (action.Action)
        {
            case RequestAction.AssessFee:
                // Judged by the rules the request was submitted under, not today's tariff.
                var fee = rules.Get(request.ServiceType, request.RulesVersion).Fee.Compute(request.Details);
                request.AssessFee(fee);
                note ??= $"Fee assessed: {fee:0} rials.";
                break;
            case RequestAction.Pay:
                if (action.Amount is { } amount && amount != request.FeeRial)
                {
                    return Problem.Invalid("amount", $"The assessed fee is {request.FeeRial:0} rials; partial or excess payments are not accepted.");
                }

                request.RecordPayment(action.Receipt!);
                note ??= $"Paid, receipt {action.Receipt}.";
                break;
        }

        try
        {
            await writer.MoveAsync(request, file, decision.To!.Value, caller, note, action.ReasonCode, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // Another action on this request (or another issue numbering in this file) committed first.
            return Problem.Conflict("ConcurrentChange", "The request changed while this action was being applied.", "Read the request again and retry if the action still applies.");
        }

        return RequestResponse.From(request, rules, time.GetUtcNow());
    }
}
