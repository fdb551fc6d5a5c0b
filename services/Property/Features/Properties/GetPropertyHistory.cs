using CityEServices.Property.Data;
using CityEServices.Web.Paging;

namespace CityEServices.Property.Features.Properties;

/// <summary>Every change to a property, oldest first, each with the owners and restrictions right after it; paged.</summary>
public sealed class GetPropertyHistory(PropertyDbContext db)
{
    public async Task<Outcome<Page<HistoryEntryResponse>>> HandleAsync(
        string renovationCode, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var paging = PageRequest.Read(page, pageSize, errors);
        if (parsed is not { } code || !errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        // A property's history is short: it is read whole, with every holding the entries' owners need.
        if (await db.FindWithHistoryAsync(code, cancellationToken) is not { } property)
        {
            return PropertyProblems.NotFound(code);
        }

        var entries = property.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        var items = entries.Skip(paging.Skip).Take(paging.PageSize).Select(h => HistoryEntryResponse.From(h, property)).ToList();
        return new Page<HistoryEntryResponse>(items, paging.Page, paging.PageSize, entries.Count);
    }
}
