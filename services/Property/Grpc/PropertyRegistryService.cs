using CityEServices.Contracts.Grpc.Property;
using Grpc.Core;

namespace CityEServices.Property.Grpc;

/// <summary>
/// Answers other services' questions about properties, current owners only, from the same cached
/// current state the REST reads use (writes invalidate it). A renovation code that cannot be parsed
/// cannot exist, so it is "not found" rather than
/// an error: callers pass user input straight through and turn not-found into their own 404. Owners'
/// national IDs leave here as they leave the REST reads, so each answer that carries them is recorded in
/// <c>personal_data_reads</c> the same way, under the actor whose token the calling service forwarded.
/// </summary>
public sealed class PropertyRegistryService(PropertyReads reads, PersonalDataReads audit) : PropertyRegistry.PropertyRegistryBase
{
    public override async Task<PropertyReply> GetProperty(GetPropertyRequest request, ServerCallContext context)
    {
        if (!RenovationCode.TryParse(request.RenovationCode, out var code))
        {
            return new PropertyReply { Found = false, RenovationCode = request.RenovationCode };
        }

        if (await reads.GetCurrentAsync(code, bypassCache: false, context.CancellationToken) is not { } property)
        {
            return new PropertyReply { Found = false, RenovationCode = code.Value };
        }

        await audit.RecordIfShownAsync(CallerOf(context), PersonalDataReadKind.Property, property.RenovationCode, null, context.CancellationToken);
        var reply = new PropertyReply
        {
            Found = true,
            RenovationCode = property.RenovationCode,
            District = property.District,
            Address = property.Address,
            PostalCode = property.PostalCode.Value,
            LegalHold = property.Restrictions.LegalHold,
            UnderConstruction = property.Restrictions.UnderConstruction,
            PlateSection = property.RegistrationPlate.Section,
            PlateMain = property.RegistrationPlate.Main,
            PlateSub = property.RegistrationPlate.Sub,
        };
        reply.Owners.AddRange(property.Owners.Select(o => new Owner
        {
            PartyId = o.PartyId,
            FullName = o.FullName,
            ShareDang = o.ShareFraction,
        }));
        return reply;
    }

    public override async Task<VerifyOwnerReply> VerifyOwner(VerifyOwnerRequest request, ServerCallContext context)
    {
        if (!RenovationCode.TryParse(request.RenovationCode, out var code)
            || await reads.GetCurrentAsync(code, bypassCache: false, context.CancellationToken) is not { } property)
        {
            return new VerifyOwnerReply { PropertyFound = false, ShareDang = Dang.Zero.ToString() };
        }

        // The field is called national_id, but an organisation's legal-entity ID is answered as well.
        var party = Party.TryIdentify(request.NationalId);
        await audit.RecordAsync(CallerOf(context), PersonalDataReadKind.OwnershipCheck, property.RenovationCode, party?.Id ?? "(unreadable id)", context.CancellationToken);
        var holding = party is { } p ? property.Owners.FirstOrDefault(o => o.PartyId == p.Id) : null;
        return new VerifyOwnerReply
        {
            PropertyFound = true,
            IsOwner = holding is not null,
            ShareDang = holding?.ShareFraction ?? Dang.Zero.ToString(),
            District = property.District,
        };
    }

    private static Caller CallerOf(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        return Caller.From(http.User, http.CorrelationId());
    }
}
