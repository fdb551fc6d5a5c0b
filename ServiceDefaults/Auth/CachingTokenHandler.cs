using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.ServiceDefaults.Auth;

/// <summary>
/// Remembers tokens it has already validated, until they expire: an integrator sends the same token
/// with every call, and checking its RSA signature again each time is most of what authentication
/// costs. Only successes are kept (a refused token is checked afresh), each caller gets its own copy
/// of the identity, and the cache is bounded.
/// </summary>
public sealed class CachingTokenHandler : JsonWebTokenHandler
{
    private const int MaxEntries = 20_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeProvider _time;

    public CachingTokenHandler(TimeProvider time)
    {
        _time = time;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out TokenValidationResult? cached) && cached is not null)
        {
            return Copy(cached);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var validTo } && validTo > _time.GetUtcNow().UtcDateTime)
        {
            _validated.Set(token, result, new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = new DateTimeOffset(validTo, TimeSpan.Zero),
                Size = 1,
            });
        }

        return result;
    }

    private static TokenValidationResult Copy(TokenValidationResult cached) => new()
    {
        IsValid = true,
        SecurityToken = cached.SecurityToken,
        ClaimsIdentity = cached.ClaimsIdentity.Clone(),
        Issuer = cached.Issuer,
        TokenType = cached.TokenType,
    };
}
