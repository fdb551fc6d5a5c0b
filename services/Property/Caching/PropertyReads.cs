using CityEServices.Iran;
using CityEServices.Property.Api;
using CityEServices.Property.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Caching;

/// <summary>The current state of a property by renovation code, for REST and gRPC alike: cached, or straight from the database when asked.</summary>
public sealed class PropertyReads(PropertyDbContext db, PropertyCache cache)
{
    public async Task<PropertyResponse?> GetCurrentAsync(RenovationCode code, bool bypassCache, CancellationToken cancellationToken)
    {
        if (bypassCache)
        {
            return await LoadAsync(db, code, cancellationToken);
        }

        var cached = await cache.GetOrLoadAsync(code, (db, code), static async (state, ct) => new CachedProperty(await LoadAsync(state.db, state.code, ct)), cancellationToken);
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
