using CityEServices.Contracts.Grpc.OfficeManagement;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.UrbanPlanning.Api;

/// <summary>Asking another service over gRPC, with one policy for the answers that are not answers.</summary>
internal static partial class Dependencies
{
    /// <summary>
    /// The reply, or a 503 problem when the service answered with an error. Unavailable and
    /// DeadlineExceeded propagate to the shared exception handler, which answers 503 as well.
    /// </summary>
    public static async Task<(TReply? Reply, ProblemHttpResult? Problem)> AskAsync<TReply>(
        Func<CancellationToken, Task<TReply>> call, string service, ILogger logger, CancellationToken cancellationToken)
        where TReply : class
    {
        try
        {
            return (await call(cancellationToken), null);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded))
        {
            // A call cancelled because the caller went away ends as RpcException(Cancelled); as an
            // OperationCanceledException the shared handler knows it for what it is (499, no error logged).
            // (The channel's ThrowOperationCanceledOnCancellation would do this too, but it also turns an
            // exceeded deadline into a cancellation, which must stay a 503.)
            cancellationToken.ThrowIfCancellationRequested();
            LogDependencyFailed(logger, ex, service, ex.StatusCode);
            return (null, Problems.DependencyFailed(service));
        }
    }

    /// <summary>Office management's answer for this office, operator and service type: null when authorised, else the 403 (its reason passed through) or 503.</summary>
    public static async Task<ProblemHttpResult?> RefuseUnlessAuthorizedAsync(
        OfficeAuthorization.OfficeAuthorizationClient offices, string officeCode, string operatorNationalId, string serviceType, ILogger logger, CancellationToken cancellationToken)
    {
        var (authorization, failed) = await AskAsync(
            ct => offices.AuthorizeServiceAsync(new AuthorizeServiceRequest
            {
                OfficeCode = officeCode,
                OperatorNationalId = operatorNationalId,
                ServiceType = serviceType,
            }, cancellationToken: ct).ResponseAsync,
            "office management",
            logger,
            cancellationToken);
        if (authorization is null)
        {
            return failed!;
        }

        return authorization.Allowed ? null : Problems.Forbidden(
            string.IsNullOrEmpty(authorization.Reason) ? "NotAuthorized" : authorization.Reason,
            string.IsNullOrEmpty(authorization.Detail) ? $"Office {officeCode} or its operator is not authorised for {serviceType}." : authorization.Detail);
    }

    [LoggerMessage(LogLevel.Error, "The {Service} service failed with {StatusCode}")]
    private static partial void LogDependencyFailed(ILogger logger, Exception exception, string service, StatusCode statusCode);
}
