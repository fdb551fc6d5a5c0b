using System.Text.Json;
using CityEServices.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace CityEServices.OfficeManagement.Infrastructure;

/// <summary>
/// Authorisation answers in Redis, shared by every replica. Keys carry two generation numbers, one for
/// the office and one for the person; any change that could alter an answer increments the office's
/// or the person's generation after its commit, so the next question reads a key no earlier answer was
/// stored under. Nothing has to be found and deleted, a reader never sees a pre-change answer after the
/// increment, and an answer computed from pre-change data can only land under the retired key.
/// </summary>
public sealed partial class AuthorizationCache(
    IConnectionMultiplexer redis,
    IOptions<AuthorizationCacheOptions> options,
    IOptions<CertificationPolicy> policy,
    TimeProvider time,
    ILogger<AuthorizationCache> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The shape of a cached decision: raised when it changes (reasons were renumbered when LicenceRevoked
    // and StaffInactive came), so a replica never reads an answer written by another version.
    private const string Schema = "v2";

    // The catalog switches and the validity shape the answers too; a new configuration uses new keys.
    private readonly string _policyTag = PolicyTag(policy.Value);

    public async Task<AuthorizationDecision> GetOrEvaluateAsync(
        AuthorizationRequest request, Func<CancellationToken, Task<AuthorizationDecision>> evaluate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Malformed questions are answered without touching the database; caching them would only let
        // a caller fill Redis with junk keys.
        if (!settings.Enabled || !TryNormalize(request, out var office, out var person))
        {
            return await evaluate(cancellationToken);
        }

        var database = redis.GetDatabase();
        RedisKey key;
        try
        {
            var generations = await database.StringGetAsync([OfficeGeneration(office), PersonGeneration(person)]);
            key = $"{settings.KeyPrefix}:authz:{Schema}:{_policyTag}:{office}:{person}:{request.ServiceType}:{(long?)generations[0] ?? 0}:{(long?)generations[1] ?? 0}";
            // An allowed answer never outlives its certification, even when Redis's clock runs behind ours.
            if (await database.StringGetAsync(key) is { HasValue: true } cached && Deserialize(cached) is { } hit
                && !(hit.ExpiresAt <= time.GetUtcNow()))
            {
                return hit;
            }
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            // Without Redis the answer is still right, only slower.
            LogRedisUnavailable(logger, ex);
            return await evaluate(cancellationToken);
        }

        var decision = await evaluate(cancellationToken);
        var lifetime = settings.TimeToLive;
        // An allowed answer must not outlive the certification it rests on.
        if (decision.ExpiresAt is { } expires && expires - time.GetUtcNow() < lifetime)
        {
            lifetime = expires - time.GetUtcNow();
        }

        if (lifetime > TimeSpan.Zero)
        {
            try
            {
                await database.StringSetAsync(key, JsonSerializer.Serialize(decision, Json), lifetime);
            }
            catch (Exception ex) when (ex.IsRedisFailure())
            {
                LogRedisUnavailable(logger, ex);
            }
        }

        return decision;
    }

    /// <summary>Retires every cached answer about <paramref name="office"/>. Call after the change has committed.</summary>
    public Task InvalidateOfficeAsync(OfficeCode office) => IncrementAsync(OfficeGeneration(office.Value));

    /// <summary>Retires every cached answer about <paramref name="person"/>. Call after the change has committed.</summary>
    public Task InvalidatePersonAsync(Iran.NationalId person) => IncrementAsync(PersonGeneration(person.Value));

    private async Task IncrementAsync(RedisKey generation)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringIncrementAsync(generation);
        }
        catch (Exception ex) when (ex.IsRedisFailure())
        {
            // The change is committed; answers cached before it can survive at most TimeToLive.
            LogInvalidationLost(logger, generation.ToString(), ex);
        }
    }

    private RedisKey OfficeGeneration(string office) => $"{options.Value.KeyPrefix}:authz-gen:office:{office}";

    private RedisKey PersonGeneration(string person) => $"{options.Value.KeyPrefix}:authz-gen:person:{person}";

    private static bool TryNormalize(AuthorizationRequest request, out string office, out string person)
    {
        var ok = OfficeCode.TryParse(request.OfficeCode, out var code) & Iran.NationalId.TryParse(request.OperatorNationalId, out var id);
        office = code.Value;
        person = ok ? id.Value : string.Empty;
        return ok && Contracts.Codes.ServiceTypes.IsKnown(request.ServiceType);
    }

    private static AuthorizationDecision? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<AuthorizationDecision>((string)value!, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string PolicyTag(CertificationPolicy policy) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{policy.CertificationValidity.Ticks}|{string.Join(',', policy.InactiveServiceTypes.Order(StringComparer.Ordinal))}")))[..8];

    [LoggerMessage(LogLevel.Warning, "Redis is unreachable; authorisation answered from the database without the cache")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Could not retire cached authorisation answers ({Generation}); they expire by themselves")]
    private static partial void LogInvalidationLost(ILogger logger, string generation, Exception exception);
}
