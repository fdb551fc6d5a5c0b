namespace CityEServices.OfficeManagement.Features.Authorization;

/// <summary>The answer <c>AuthorizeService</c> gives now (same cache, same rule), for admins checking why an operator is refused.</summary>
public sealed class GetAuthorizationDecision(OfficeAuthorizer authorizer)
{
    public async Task<Outcome<AuthorizationDecisionResponse>> HandleAsync(
        string code, string? operatorNationalId, string? serviceType, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Parse<OfficeCode>("code", code);
        errors.Parse<NationalId>("operatorNationalId", operatorNationalId);
        if (string.IsNullOrWhiteSpace(serviceType))
        {
            errors.Add("serviceType", "Service type is required (see GET /api/service-types).");
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        // The service type is passed as given, exactly as a gRPC caller would: an unknown code is an answer
        // (ServiceTypeInactive), not a bad request.
        var decision = await authorizer.DecideAsync(new AuthorizationRequest(code, operatorNationalId!, serviceType!), cancellationToken);
        return new AuthorizationDecisionResponse(
            code,
            operatorNationalId!,
            serviceType!,
            decision.Allowed,
            decision.Reason?.ToString(),
            decision.Detail,
            decision.ExpiresAt is { } expires ? DualTime.From(expires) : null);
    }
}
