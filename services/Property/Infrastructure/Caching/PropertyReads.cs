using CityEServices.Iran;
using CityEServices.Property.Features.Properties;
using CityEServices.Property.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Infrastructure.Caching;

/// <summary>The current state of a property by renovation code, for REST and gRPC alike: cached, or straight from the database when asked.</summary>
public sealed class PropertyReads(PropertyDbContext db, PropertyCache cache, IServiceScopeFactory scopes)
{
    public async Task<PropertyResponse?> GetCurrentAsync(RenovationCode code, bool bypassCache, CancellationToken cancellationToken)
    {
        if (bypassCache)
        {
            return await LoadAsync(db, code, cancellationToken);
        }

        // HybridCache shares one load among concurrent readers of a key and lets it outlive the caller
        // that started it, so the load uses a scope (and DbContext) of its own, not this request's.
        var cached = await cache.GetOrLoadAsync(code, (scopes, code), static async (state, ct) =>
        {
            await using var scope = state.scopes.CreateAsyncScope();
            return new CachedProperty(await LoadAsync(scope.ServiceProvider.GetRequiredService<PropertyDbContext>(), state.code, ct));
        }, cancellationToken);
        return cached.Property;
    }

    private static async Task<PropertyResponse?> LoadAsync(PropertyDbContext db, RenovationCode code, CancellationToken cancellationToken)
    {
        var property = await db.Properties.AsNoTracking()
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);
        return property is null ? null : PropertyResponse.From(property);
    }
}
