namespace CityEServices.Property.Features.Me;

/// <summary>
/// The properties the caller (a citizen, by the national ID in their token, never one from the query)
/// owns a share of now, oldest registration first.
/// </summary>
public sealed class ListMyProperties(PropertyDbContext db)
{
    public const string NotACitizen = "NotACitizen";

    public async Task<Outcome<Page<MyPropertyResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Kind != CallerKind.Citizen || !NationalId.TryParse(caller.NationalId, out var me))
        {
            return Problem.Forbidden(NotACitizen, "/api/me is the signed-in citizen's own view; staff and integrators use /api/properties.");
        }

        var errors = new ValidationErrors();
        var paging = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var id = me.Value;
        var owned = await db.Properties.AsNoTracking()
            .Include(p => p.Owners)
            .Where(p => p.Owners.Any(o => o.ValidTo == null && o.PartyId == id))
            .OrderBy(p => p.RegisteredAt).ThenBy(p => p.RenovationCode)
            .ToPageAsync(paging, cancellationToken);
        return owned.Map(p =>
        {
            var share = p.CurrentOwners.First(o => o.PartyId == id).Share;
            return new MyPropertyResponse(
                p.RenovationCode.Value, p.RegistrationPlate, p.District, p.Address, p.PostalCode,
                Areas.Trim(p.LandAreaM2), Areas.Trim(p.BuildingAreaM2), p.Floors, p.Usage, share, share.ToString(), p.Restrictions.LegalHold);
        });
    }
}
