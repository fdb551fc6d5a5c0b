using CityEServices.Contracts.Grpc.Property;
using CityEServices.Iran;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Grpc;

/// <summary>
/// Answers other services' questions about properties from the registry's own database, current
/// owners only. A renovation code that cannot be parsed cannot exist, so it is "not found" rather than
/// an error: callers pass user input straight through and turn not-found into their own 404.
/// </summary>
public sealed class PropertyRegistryService(PropertyDbContext db) : PropertyRegistry.PropertyRegistryBase
{
    public override async Task<PropertyReply> GetProperty(GetPropertyRequest request, ServerCallContext context)
    {
        if (!RenovationCode.TryParse(request.RenovationCode, out var code))
        {
            return new PropertyReply { Found = false, RenovationCode = request.RenovationCode };
        }

        var property = await db.Properties.AsNoTracking()
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, context.CancellationToken);
        if (property is null)
        {
            return new PropertyReply { Found = false, RenovationCode = code.Value };
        }

        var reply = new PropertyReply
        {
            Found = true,
            RenovationCode = property.RenovationCode.Value,
            District = property.District,
            Address = property.Address,
            PostalCode = property.PostalCode.Value,
            LegalHold = property.Restrictions.LegalHold,
            UnderConstruction = property.Restrictions.UnderConstruction,
        };
        reply.Owners.AddRange(property.CurrentOwners.Select(o => new Owner
        {
            PartyId = o.PartyId,
            FullName = o.FullName,
            ShareDang = o.Share.ToString(),
        }));
        return reply;
    }

    public override async Task<VerifyOwnerReply> VerifyOwner(VerifyOwnerRequest request, ServerCallContext context)
    {
        if (!RenovationCode.TryParse(request.RenovationCode, out var code))
        {
            return new VerifyOwnerReply { PropertyFound = false, ShareDang = Dang.Zero.ToString() };
        }

        var district = await db.Properties.AsNoTracking()
            .Where(p => p.RenovationCode == code)
            .Select(p => (int?)p.District)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (district is null)
        {
            return new VerifyOwnerReply { PropertyFound = false, ShareDang = Dang.Zero.ToString() };
        }

        // The field is called national_id, but an organisation's legal-entity ID is answered as well.
        var party = Party.TryIdentify(request.NationalId);
        var holding = party is { } p
            ? await db.Ownerships.AsNoTracking()
                .Where(o => o.RenovationCode == code && o.ValidTo == null && o.PartyId == p.Id)
                .Select(o => new { o.ShareNumerator, o.ShareDenominator })
                .FirstOrDefaultAsync(context.CancellationToken)
            : null;

        return new VerifyOwnerReply
        {
            PropertyFound = true,
            IsOwner = holding is not null,
            ShareDang = holding is null ? Dang.Zero.ToString() : new Dang(holding.ShareNumerator, holding.ShareDenominator).ToString(),
            District = district.Value,
        };
    }
}
