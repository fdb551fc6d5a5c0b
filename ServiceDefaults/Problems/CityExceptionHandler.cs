using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CityEServices.ServiceDefaults.Problems;

/// <summary>
/// Turns what escaped an endpoint into problem details. Client mistakes that ASP.NET Core reports as
/// exceptions (malformed JSON, a body too large, a cancelled request) keep their 4xx; anything else is
/// a 500 whose body says nothing about the internals. The exception itself goes to the log.
/// </summary>
public sealed partial class CityExceptionHandler(IProblemDetailsService problems, ILogger<CityExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.Message),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "The client closed the request.", null),
            Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded } =>
                (StatusCodes.Status503ServiceUnavailable, "A service this request depends on is unavailable.", null),
            _ when SqlState(exception) is "22021" or "22P05" =>
                (StatusCodes.Status400BadRequest, "The request contains characters that cannot be stored (such as NUL).", null),
            _ when SqlState(exception) is "22001" =>
                (StatusCodes.Status400BadRequest, "A value in the request is too long.", null),
            _ when DatabaseUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The service's database is unavailable; try again shortly.", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// What the database said about a value it could not store: a NUL or unconvertible character
    /// (22021, 22P05) or a string longer than its column (22001) is the client's input, not our fault,
    /// for any endpoint whose validation let it through.
    /// </summary>
    private static string? SqlState(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: { } state })
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>
    /// The database could not be reached or refuses sessions (server down, restarting, the database
    /// closed to connections, too many clients): the request may well succeed later, so 503 rather
    /// than 500. Seen through <see cref="DbException"/> anywhere in the chain, because EF wraps it
    /// (e.g. in its retry strategy's "retry limit exceeded") and ServiceDefaults knows no provider.
    /// </summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db && (db.IsTransient || db.SqlState is { } state && (
                    state.StartsWith("08", StringComparison.Ordinal) // connection exception
                    || state.StartsWith("57P", StringComparison.Ordinal) // admin shutdown, crash shutdown, cannot connect now
                    || state is "55000" // database not currently accepting connections
                    || state is "53300"))) // too many connections
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
