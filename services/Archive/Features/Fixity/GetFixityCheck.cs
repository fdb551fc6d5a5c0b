using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Features.Fixity;

/// <summary>One fixity check with its findings.</summary>
public sealed class GetFixityCheck(ArchiveDbContext db)
{
    public async Task<Outcome<FixityCheckResponse>> HandleAsync(Guid checkId, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var check = await db.FixityChecks.AsNoTracking().Include(c => c.Findings).SingleOrDefaultAsync(c => c.Id == checkId, cancellationToken);
        return check is null ? Problem.NotFound("Fixity check not found.", $"No fixity check {checkId}.") : FixityCheckResponse.From(check);
    }
}
