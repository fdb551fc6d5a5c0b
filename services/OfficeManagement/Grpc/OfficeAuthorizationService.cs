using CityEServices.Contracts.Grpc.OfficeManagement;
using Grpc.Core;

namespace CityEServices.OfficeManagement.Grpc;

/// <summary>
/// Answers "may this operator serve this service type at this office now?" for the other services,
/// through <see cref="OfficeAuthorizer"/> (Redis-cached, invalidated on every relevant change).
/// </summary>
public sealed class OfficeAuthorizationService(OfficeAuthorizer authorizer) : OfficeAuthorization.OfficeAuthorizationBase
{
    public override async Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context)
    {
        var decision = await authorizer.DecideAsync(
            new AuthorizationRequest(request.OfficeCode, request.OperatorNationalId, request.ServiceType), context.CancellationToken);
        return AuthorizationReplies.From(decision);
    }
}
