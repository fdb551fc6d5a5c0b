using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityEServices.Gateway.Proxy;
using CityEServices.ServiceDefaults.Caching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for every POST through the gateway, once for all services. The first
/// request with a key reserves it in Redis (SET NX) with its fingerprint (method, path, query,
/// content type and body hash); its answer is stored when it is final (below 500) and replayed for
/// the same key and fingerprint. A different request under a used key is 422; a repeat while the
/// first is still in flight is 409. Keys belong to the caller who used them.
/// </summary>
public static partial class IdempotencyMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Response headers a replay repeats; the rest (dates, connection) belong to the moment.</summary>
    private static readonly string[] ReplayedHeaders = [HeaderNames.ContentType, HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentLanguage];

    public static IReverseProxyApplicationBuilder UseIdempotencyKeys(this IReverseProxyApplicationBuilder proxy)
    {
        var redis = proxy.ApplicationServices.GetRequiredService<IConnectionMultiplexer>();
        var prefix = proxy.ApplicationServices.GetRequiredService<RedisKeys>().Prefix;
        var options = proxy.ApplicationServices.GetRequiredService<IOptionsMonitor<IdempotencySettings>>();
        var logger = proxy.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotencyMiddleware));
        proxy.Use((HttpContext context, RequestDelegate next) =>
            HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderName)
                ? HandleAsync(context, next, redis.GetDatabase(), prefix, options.CurrentValue, logger)
                : next(context));
        return proxy;
    }

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, IDatabase redis, string prefix, IdempotencySettings settings, ILogger logger)
    {
        var values = context.Request.Headers[HeaderName];
        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "InvalidIdempotencyKey", "Invalid Idempotency-Key.",
                $"The Idempotency-Key header must be one value of 1 to {MaxKeyLength} printable ASCII characters.");
            return;
        }

        // Anonymous POSTs (token requests) have no owner to keep a key for; they are not creations.
        if (Callers.Identify(context.User) is not { } caller)
        {
            await next(context);
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var redisKey = (RedisKey)$"{prefix}idempotency:{caller}:{key}";
        var reservation = JsonSerializer.Serialize(new StoredAnswer(fingerprint), StoredAnswerJson.Default.StoredAnswer);

        bool reserved;
        StoredAnswer? existing = null;
        // Only the Redis calls are guarded: a failure while forwarding is not Redis's.
        try
        {
            reserved = await redis.StringSetAsync(redisKey, reservation, settings.InFlightTimeout, When.NotExists);
            if (!reserved)
            {
                var stored = await redis.StringGetAsync(redisKey);
                existing = stored.IsNullOrEmpty ? null : JsonSerializer.Deserialize((byte[])stored!, StoredAnswerJson.Default.StoredAnswer);
            }
        }
        catch (Exception e) when (e.IsRedisFailure())
        {
            LogStoreUnavailable(logger, e.Message);
            await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "IdempotencyStoreUnavailable", "Idempotency keys are unavailable; try again shortly.", null);
            return;
        }

        if (reserved)
        {
            await ForwardAndStoreAsync(context, next, redis, redisKey, fingerprint, settings, logger);
            return;
        }

        if (existing is null)
        {
            // It expired or was released (a failed first attempt) between the two calls: a retry is welcome.
            await ProblemAsync(context, StatusCodes.Status409Conflict, "IdempotencyKeyJustReleased", "A request with this Idempotency-Key has just finished; retry.", null, retryAfter: 1);
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(existing.Fingerprint), Encoding.ASCII.GetBytes(fingerprint)))
        {
            await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "IdempotencyKeyReused", "Idempotency-Key reused for a different request.",
                "This Idempotency-Key was first used with another method, path or body; use a new key for a new request.");
        }
        else if (existing.InFlight)
        {
            await ProblemAsync(context, StatusCodes.Status409Conflict, "IdempotencyKeyInFlight", "A request with this Idempotency-Key is still in progress.",
                "Retry once the first request has finished to receive its answer.", retryAfter: 1);
        }
        else if (existing.Withheld)
        {
            await ProblemAsync(context, StatusCodes.Status409Conflict, "AnswerWithheld", "This Idempotency-Key was already used, and its answer is not kept.",
                "The first request with this key succeeded, but its answer held a secret that is shown only once; read the resource it created instead (rotate a client's secret to get a new one).",
                extensions: new Dictionary<string, object?> { ["firstStatus"] = existing.Status, ["location"] = existing.Headers?.GetValueOrDefault(HeaderNames.Location) });
        }
        else
        {
            await ReplayAsync(context, existing);
        }
    }

    private static bool NoStore(HttpResponse response) =>
        response.Headers.CacheControl.Any(v => v is not null && v.Contains("no-store", StringComparison.OrdinalIgnoreCase));

    private static async Task ForwardAndStoreAsync(
        HttpContext context, RequestDelegate next, IDatabase redis, RedisKey redisKey, string fingerprint, IdempotencySettings settings, ILogger logger)
    {
        var original = context.Response.Body;
        await using var capture = new CapturingStream(original, settings.MaxStoredBodyBytes);
        context.Response.Body = capture;
        var stored = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (context.GetForwarderErrorFeature() is null && status < 500 && !context.RequestAborted.IsCancellationRequested)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in ReplayedHeaders)
                {
                    if (context.Response.Headers.TryGetValue(name, out var value))
                    {
                        headers[name] = value.ToString();
                    }
                }

                // A secret shown once (a new client's) must not sit in Redis: keep only that the key was used.
                var answer = NoStore(context.Response)
                    ? new StoredAnswer(fingerprint, status, headers.Where(h => h.Key == HeaderNames.Location).ToDictionary(StringComparer.OrdinalIgnoreCase), Withheld: true)
                    : new StoredAnswer(fingerprint, status, headers, capture.Captured);
                await StoreAsync(redis, redisKey, answer, settings, logger);
                stored = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!stored)
            {
                // A failure the caller should be able to retry under the same key.
                try
                {
                    await redis.KeyDeleteAsync(redisKey, CommandFlags.FireAndForget);
                }
                catch (Exception e) when (e.IsRedisFailure())
                {
                    LogStoreUnavailable(logger, e.Message);
                }
            }
        }
    }

    /// <summary>Keeps the answer for replays; only the Redis call is guarded, so a failure of the forwarding itself is never taken for Redis's.</summary>
    private static async Task StoreAsync(IDatabase redis, RedisKey redisKey, StoredAnswer answer, IdempotencySettings settings, ILogger logger)
    {
        try
        {
            await redis.StringSetAsync(redisKey, JsonSerializer.SerializeToUtf8Bytes(answer, StoredAnswerJson.Default.StoredAnswer), settings.Expiry);
        }
        catch (Exception e) when (e.IsRedisFailure())
        {
            // The answer went out; only its replay is lost. The reservation expires by itself.
            LogStoreUnavailable(logger, e.Message);
        }
    }

    private static async Task ReplayAsync(HttpContext context, StoredAnswer answer)
    {
        context.Response.StatusCode = answer.Status!.Value;
        foreach (var (name, value) in answer.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        if (answer.Body is { Length: > 0 } body)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>The request as the service would see it; the body is buffered (to disk when large) and rewound for the proxy.</summary>
    public static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.ContentType}\n"));
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task ProblemAsync(HttpContext context, int status, string reason, string title, string? detail, int? retryAfter = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return GatewayProblems.WriteAsync(context, status, reason, title, detail, extensions);
    }

    [LoggerMessage(LogLevel.Warning, "Idempotency keys cannot reach Redis: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason);
}
