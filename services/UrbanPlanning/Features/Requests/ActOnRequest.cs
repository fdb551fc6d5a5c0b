using CityEServices.Contracts.Grpc.Property;

namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// review | return | reject | assessFee | pay | issue | submit: each only by its role (403), only while
/// the by-law lets that person act (403: the operator's office and certification for the request's
/// service type, the reviewer's district), and only from its state (409), recorded and announced in one
/// commit. Assessing the fee opens the payment order in that commit; paying is the counter's POS
/// payment; issuing is refused while the property is under legal hold and makes the request's document.
/// </summary>
public sealed class ActOnRequest(
    UrbanPlanningDbContext db,
    ServiceRuleBook rules,
    OfficeAuthorizations offices,
    PropertyRegistryClient properties,
    CounterPayment counter,
    RequestWriter writer,
    IOptions<PaymentOptions> payments,
    TimeProvider time)
{
    public async Task<Outcome<RequestResponse>> HandleAsync(Guid requestId, RequestActionBody body, Caller caller, CancellationToken cancellationToken)
    {
        var validated = RequestActionRules.Validate(body.Action, body.Note, body.Amount, body.Receipt, body.ReasonCode);
        if (validated.Value is not { } action)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await db.FindRequestAsync(requestId, forUpdate: true, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        // Who may take the action, then whether the by-law lets them take it now, then whether the
        // request is in the state for it: whoever may not act learns nothing of the request's state.
        var decision = RequestWorkflow.Decide(request.Status, action.Action, RequestWorkflow.CapacityOf(caller, file.OfficeCode));
        if (decision.StatusCode == StatusCodes.Status403Forbidden)
        {
            return Problem.Forbidden(decision.Reason!, decision.Detail!);
        }

        var byLaw = RequestWorkflow.IsReviewers(action.Action)
            ? OfficeAuthorizations.CheckReviewer(caller, file.District)
            : await offices.CheckOperatorAsync(caller, request.ServiceType, cancellationToken);
        if (byLaw is not null)
        {
            return byLaw;
        }

        if (!decision.Allowed)
        {
            return Problem.Conflict(decision.Reason!, "The request is not in a state that allows this action.", decision.Detail!)
                .With("requestStatus", request.Status.ToString());
        }

        // Issuing asks the registry at this moment: a legal hold stops it, and the document prints the property as it is now.
        PropertyReply? property = null;
        if (action.Action == RequestAction.Issue)
        {
            var registered = await properties.ForIssuingAsync(file.RenovationCode, cancellationToken);
            if (!registered.Succeeded)
            {
                return registered.Problem!;
            }

            property = registered.Value;
        }

        var note = await PrepareAsync(action, request, file.OfficeCode, caller, cancellationToken);
        if (!note.Succeeded)
        {
            return note.Problem!;
        }

        try
        {
            await writer.MoveAsync(request, file, decision.To!.Value, caller, note.Value, action.ReasonCode, cancellationToken, property);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(PaymentMapping.PaymentReferenceIndex))
        {
            return CounterPayment.ReferenceUsed(action.Receipt!);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // Another action on this request (a payment of its order, another issue numbering in this file) committed first.
            return Problem.Conflict("ConcurrentChange", "The request changed while this action was being applied.", "Read the request again and retry if the action still applies.");
        }

        return RequestResponse.From(request, rules, time.GetUtcNow());
    }

    /// <summary>Stages what the action does besides moving the request; the note the move is recorded with, or why it may not happen.</summary>
    private async Task<Outcome<string?>> PrepareAsync(
        ValidAction action, ServiceRequest request, string officeCode, Caller caller, CancellationToken cancellationToken)
    {
        switch (action.Action)
        {
            case RequestAction.AssessFee:
                return AssessFee(request, caller, action.Note);
            case RequestAction.Pay:
                var paid = await counter.StageAsync(request, officeCode, action.Amount, action.Receipt!, caller, cancellationToken);
                return paid.Succeeded ? action.Note ?? paid.Value : paid.Problem!;
            default:
                return action.Note;
        }
    }

    /// <summary>The fee by the rules the request was submitted under (not today's tariff), and its payment order in the same commit.</summary>
    private string AssessFee(ServiceRequest request, Caller caller, string? note)
    {
        var fee = rules.Get(request.ServiceType, request.RulesVersion).Fee.Compute(request.Details);
        request.AssessFee(fee);
        var now = time.GetDatabaseNow();
        var settings = payments.Value;
        var order = PaymentOrder.Open(Guid.CreateVersion7(now), request.Id, request.FileNumber, fee, Sheba.Parse(settings.MunicipalitySheba).Value, now, settings.OrderValidity, caller.Actor);
        db.PaymentOrders.Add(order);
        return note ?? $"Fee assessed: {fee:0} rials; payment order {order.Id}, payable until {SolarHijri.Format(order.ExpiresAt)}.";
    }
}
