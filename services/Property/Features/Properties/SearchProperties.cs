using System.Globalization;
using CityEServices.Iran;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.Web.Paging;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// <c>GET /api/properties?district=&amp;ownerNationalId=&amp;postalCode=&amp;q=&amp;page=&amp;pageSize=</c>: all filters
/// combine (AND); <c>q</c> is Persian-normalised exactly as stored text was, then matched as a substring
/// of the address or of a current owner's name, so ي/ك typed on an Arabic layout find ی/ک and back.
/// </summary>
public sealed class SearchProperties(PropertyDbContext db)
{
    public const int MaxQueryLength = 100;

    public async Task<Outcome<Page<PropertyResponse>>> HandleAsync(
        string? district,
        string? ownerNationalId,
        string? postalCode,
        string? q,
        string? page,
        string? pageSize,
        Caller caller,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Read(page, pageSize, errors);
        IQueryable<RealProperty> query = db.Properties.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(district))
        {
            if (int.TryParse(PersianText.NormalizeDigits(district), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= RenovationCode.MaxDistrict)
            {
                query = query.Where(p => p.District == d);
            }
            else
            {
                errors.Add("district", $"District must be a number from 1 to {RenovationCode.MaxDistrict}; got '{district}'.");
            }
        }

        if (!string.IsNullOrWhiteSpace(ownerNationalId))
        {
            if (Party.TryIdentify(ownerNationalId) is { } owner)
            {
                query = query.Where(p => p.Owners.Any(o => o.ValidTo == null && o.PartyId == owner.Id));
            }
            else
            {
                errors.Add("ownerNationalId", NationalId.Validate(ownerNationalId) ?? "Not a valid national ID or legal-entity ID.");
            }
        }

        if (!string.IsNullOrWhiteSpace(postalCode))
        {
            if (PostalCode.TryParse(postalCode, out var postal, out var postalError))
            {
                query = query.Where(p => p.PostalCode == postal);
            }
            else
            {
                errors.Add("postalCode", postalError);
            }
        }

        var text = PersianText.Normalize(q);
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > MaxQueryLength)
            {
                errors.Add("q", $"q must be at most {MaxQueryLength} characters; got {text.Length}.");
            }
            else
            {
                var pattern = $"%{EscapeLike(text)}%";
                query = query.Where(p => EF.Functions.ILike(p.Address, pattern, "\\")
                    || p.Owners.Any(o => o.ValidTo == null && EF.Functions.ILike(o.FullName, pattern, "\\")));
            }
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await query
            .OrderBy(p => p.District).ThenBy(p => p.RenovationCode)
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .AsSplitQuery()
            .ToPageAsync(paging, PropertyResponse.From, cancellationToken);
    }

    // The text is matched literally: %, _ and the escape character itself mean nothing special.
    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
