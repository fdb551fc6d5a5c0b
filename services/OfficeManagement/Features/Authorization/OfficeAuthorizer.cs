namespace CityEServices.OfficeManagement.Features.Authorization;

/// <summary>
/// The one way this service answers "may this operator serve this type here now?": from the Redis cache
/// when an answer for the current state is there, else from the database through the pure
/// <see cref="OfficeAuthorizationRule"/>. The gRPC service and the admin REST query both use it.
/// </summary>
public sealed class OfficeAuthorizer(
    OfficeManagementDbContext db,
    AuthorizationCache cache,
    IOptions<CertificationPolicy> policy,
    TimeProvider time)
{
    public Task<AuthorizationDecision> DecideAsync(AuthorizationRequest request, CancellationToken cancellationToken) =>
        cache.GetOrEvaluateAsync(request, async ct =>
        {
            var snapshot = await db.LoadAuthorizationSnapshotAsync(request, policy.Value, ct);
            return OfficeAuthorizationRule.Evaluate(request, snapshot, policy.Value.CertificationValidity, time);
        }, cancellationToken);
}
