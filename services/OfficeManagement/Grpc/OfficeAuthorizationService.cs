using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CityEServices.OfficeManagement.Grpc;

/// <summary>
/// Answers "may this operator serve this service type at this office now?" for the other services,
/// from this service's database and the pure <see cref="OfficeAuthorizationRule"/>.
/// </summary>
public sealed class OfficeAuthorizationService(
    OfficeManagementDbContext db,
    IOptions<CertificationPolicy> policy,
    TimeProvider time) : OfficeAuthorization.OfficeAuthorizationBase
{
    public override async Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context)
    {
        var question = new AuthorizationRequest(request.OfficeCode, request.OperatorNationalId, request.ServiceType);
        var snapshot = await db.LoadAuthorizationSnapshotAsync(question, context.CancellationToken);
        var decision = OfficeAuthorizationRule.Evaluate(question, snapshot, policy.Value.CertificationValidity, time);
        return new AuthorizeServiceReply
        {
            Allowed = decision.Allowed,
            Reason = decision.Reason?.ToString() ?? string.Empty,
            Detail = decision.Detail,
        };
    }
}
