using System.Globalization;

namespace CityEServices.Archive.Features.Documents;

/// <summary>
/// Documents by renovation code, file number, category, district, archived-date range, content hash,
/// and Persian-normalised title text (<c>q</c>), newest first, a page at a time. Reviewers see only
/// their district, operators only their office's files (and only while the by-law lets them work);
/// archivists, admins and clients granted <c>archive.read</c> see everything. The filters narrow within that.
/// </summary>
public sealed class SearchDocuments(ArchiveDbContext db, OperatorByLaw byLaw)
{
    public async Task<Outcome<Page<DocumentResponse>>> HandleAsync(DocumentSearchQuery search, Caller caller, CancellationToken cancellationToken)
    {
        if (DossierAccessRules.CanReadAny(caller) is { } refusal)
        {
            return refusal;
        }

        if (await byLaw.CheckAsync(caller, cancellationToken) is { } unlawful)
        {
            return unlawful;
        }

        var errors = new ValidationErrors();
        var page = PageRequest.Read(search.Page, search.PageSize, errors);
        var query = Filter(db.Documents.AsNoTracking(), search, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (!DossierAccessRules.ReadsEverything(caller))
        {
            var office = DossierAccessRules.IsOperator(caller) ? caller.OfficeCode : null;
            var reviewerDistrict = DossierAccessRules.IsReviewer(caller) ? caller.District : null;
            query = query.Where(d => (reviewerDistrict != null && d.District == reviewerDistrict)
                || (office != null && db.Dossiers.Any(s => s.FileNumber == d.FileNumber && s.OfficeCode.ToUpper() == office.ToUpper())));
        }

        return await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).ToPageAsync(page, DocumentResponse.From, cancellationToken);
    }

    /// <summary>The filters given, each checked (a bad one adds its field's error) and applied.</summary>
    private static IQueryable<Document> Filter(IQueryable<Document> query, DocumentSearchQuery search, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(search.RenovationCode))
        {
            if (RenovationCode.TryParse(search.RenovationCode, out var code, out var error))
            {
                query = query.Where(d => d.RenovationCode == code.Value);
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        if (FileNumbers.ReadOptional(search.FileNumber, "fileNumber", errors) is { } fileNumber)
        {
            query = query.Where(d => d.FileNumber == fileNumber);
        }

        if (!string.IsNullOrWhiteSpace(search.Category))
        {
            errors.AddIf("category", ClassificationScheme.Find(search.Category) is null ? $"'{search.Category}' is not a category of the classification scheme." : null);
            query = query.Where(d => d.CategoryCode == search.Category);
        }

        if (!string.IsNullOrWhiteSpace(search.District))
        {
            var valid = int.TryParse(PersianText.NormalizeDigits(search.District)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var district)
                && district is >= 1 and <= RenovationCode.MaxDistrict;
            errors.AddIf("district", valid ? null : $"District must be a whole number from 1 to {RenovationCode.MaxDistrict}.");
            query = query.Where(d => d.District == district);
        }

        if (!string.IsNullOrWhiteSpace(search.From))
        {
            var start = UploadMetadata.ParseScanned(search.From);
            errors.AddIf("from", start is null ? "From must be an ISO or Solar Hijri date." : null);
            query = query.Where(d => d.CreatedAt >= start);
        }

        if (!string.IsNullOrWhiteSpace(search.To))
        {
            var end = UploadMetadata.ParseScanned(search.To);
            errors.AddIf("to", end is null ? "To must be an ISO or Solar Hijri date." : null);
            // A bare date means the whole of that day.
            var exclusive = search.To.Trim().Length <= 10 ? end?.AddDays(1) : end;
            query = query.Where(d => d.CreatedAt < exclusive);
        }

        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var pattern = "%" + EscapeLike(PersianText.Normalize(search.Q)!) + "%";
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern));
        }

        if (!string.IsNullOrWhiteSpace(search.Sha256))
        {
            var hash = search.Sha256.Trim().ToLowerInvariant();
            errors.AddIf("sha256", hash.Length != 64 || hash.AsSpan().ContainsAnyExcept("0123456789abcdef") ? "sha256 is 64 hex digits." : null);
            query = query.Where(d => d.Sha256 == hash);
        }

        return query;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
