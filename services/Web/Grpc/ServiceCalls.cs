using CityEServices.Web.Problems;
using Grpc.Core;

namespace CityEServices.Web.Grpc;

/// <summary>Asking another service over gRPC, with one policy for the answers that are not answers.</summary>
public sealed partial class ServiceCalls(ILogger<ServiceCalls> logger)
{
    /// <summary>
    /// The reply, or a 503 problem when <paramref name="service"/> answered with an error. Unavailable
    /// and DeadlineExceeded propagate to the shared exception handler, which answers 503 as well.
    /// </summary>
    public async Task<Outcome<TReply>> AskAsync<TReply>(string service, Func<CancellationToken, AsyncUnaryCall<TReply>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var pending = call(cancellationToken);
            return await pending.ResponseAsync;
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded))
        {
            // A call cancelled because the caller went away ends as RpcException(Cancelled); as an
            // OperationCanceledException the shared handler knows it for what it is (499, no error logged).
            // (The channel's ThrowOperationCanceledOnCancellation would do this too, but it also turns an
            // exceeded deadline into a cancellation, which must stay a 503.)
            cancellationToken.ThrowIfCancellationRequested();
            LogDependencyFailed(logger, ex, service, ex.StatusCode);
            return Problem.Unavailable(service);
        }
    }

    [LoggerMessage(LogLevel.Error, "The {Service} service failed with {StatusCode}")]
    private static partial void LogDependencyFailed(ILogger logger, Exception exception, string service, StatusCode statusCode);
}
