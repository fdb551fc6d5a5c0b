using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Ingest;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Api;

/// <summary>
/// GET /api/archive/documents: by renovation code, file number, category, district, archived-date range,
/// content hash, and Persian-normalised title text (<c>q</c>). Reviewers see only their district,
/// operators only their office's files; the filters narrow within that.
/// </summary>
public static class DocumentSearch
{
    public static async Task<Results<Ok<PageOf<DocumentResponse>>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user,
        ArchiveDbContext db,
        string? renovationCode,
        string? fileNumber,
        string? category,
        int? district,
        string? from,
        string? to,
        string? q,
        string? sha256,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var mayRead = DossierAccessRules.CanReadAny(caller);
        if (!mayRead.Allowed)
        {
            return Problems.Forbidden(mayRead);
        }

        var errors = new ValidationErrors();
        var (pageNumber, size) = Paging.Check(page, pageSize, errors);
        var query = db.Documents.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(renovationCode))
        {
            if (RenovationCode.TryParse(renovationCode, out var code, out var error))
            {
                query = query.Where(d => d.RenovationCode == code.Value);
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        if (!string.IsNullOrWhiteSpace(fileNumber))
        {
            var key = FileNumbers.Normalize(fileNumber);
            errors.AddIf("fileNumber", key is null ? "File number must be 11 digits: a district 01–22 and a 9-digit sequence." : null);
            query = query.Where(d => d.FileNumber == key);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            errors.AddIf("category", ClassificationScheme.Find(category) is null ? $"'{category}' is not a category of the classification scheme." : null);
            query = query.Where(d => d.CategoryCode == category);
        }

        if (district is { } d0)
        {
            errors.AddIf("district", d0 is < 1 or > RenovationCode.MaxDistrict ? "District must be 1–22." : null);
            query = query.Where(d => d.District == d0);
        }

        if (!string.IsNullOrWhiteSpace(from))
        {
            var start = UploadMetadata.ParseScanned(from);
            errors.AddIf("from", start is null ? "From must be an ISO or Solar Hijri date." : null);
            query = query.Where(d => d.CreatedAt >= start);
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            // A bare date means the whole of that day.
            var end = UploadMetadata.ParseScanned(to);
            errors.AddIf("to", end is null ? "To must be an ISO or Solar Hijri date." : null);
            var exclusive = to.Trim().Length <= 10 ? end?.AddDays(1) : end;
            query = query.Where(d => d.CreatedAt < exclusive);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = PersianText.Normalize(q)!;
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern));
        }

        if (!string.IsNullOrWhiteSpace(sha256))
        {
            var hash = sha256.Trim().ToLowerInvariant();
            errors.AddIf("sha256", hash.Length != 64 || hash.AsSpan().ContainsAnyExcept("0123456789abcdef") ? "sha256 is 64 hex digits." : null);
            query = query.Where(d => d.Sha256 == hash);
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!DocumentAccessRules.SeesEverything(caller))
        {
            var office = caller.IsIn(Roles.OfficeOperator) ? caller.OfficeCode : null;
            var reviewerDistrict = caller.IsIn(Roles.DistrictReviewer) ? caller.District : null;
            query = query.Where(d => (reviewerDistrict != null && d.District == reviewerDistrict)
                || (office != null && db.Dossiers.Any(s => s.FileNumber == d.FileNumber && s.OfficeCode.ToUpper() == office.ToUpper())));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<DocumentResponse>([.. items.Select(DocumentResponse.From)], pageNumber, size, total));
    }
}
